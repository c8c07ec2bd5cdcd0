package dev.tenderkit.transport.serial.frame;

/**
 * The candidate frames a {@link FrameDecoder} is following, in the order their STX arrived: for
 * each, the stream position of its STX and, once its LENGTH is read, the position just after its
 * last byte. A candidate is named by a handle (a sequence number) that stays valid until it is
 * removed.
 *
 * <p>A ring that grows as needed; removal from the middle marks the entry dead, and dead entries
 * at the head are dropped at once, so the first entry is always live. Ends of known length are
 * also kept in a min-heap, cleaned lazily, so finding the candidates that end at a position costs
 * O(log n) however many are followed.
 */
final class Candidates {

    /** End of a candidate whose LENGTH has not arrived yet. */
    static final long UNKNOWN = -1;
    private static final long DEAD = -2;

    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private long head;
    private long tail;

    private long[] heapEnds = new long[16];
    private long[] heapHandles = new long[16];
    private int heapSize;

    private long[] ending = new long[4];
    private int endingCount;

    boolean isEmpty() {
        return head == tail;
    }

    void add(long start) {
        if (tail - head == starts.length) {
            grow();
        }
        starts[slot(tail)] = start;
        ends[slot(tail)] = UNKNOWN;
        tail++;
    }

    /** @return the outermost live candidate; only when not {@link #isEmpty()} */
    long first() {
        return head;
    }

    /** @return the live candidate added last, or -1 if there is none */
    long lastLive() {
        long h = tail - 1;
        while (h >= head && ends[slot(h)] == DEAD) {
            h--;
        }
        return h >= head ? h : -1;
    }

    /** @return the live candidate after {@code handle}, or -1 */
    long next(long handle) {
        long h = Math.max(handle + 1, head);
        while (h < tail && ends[slot(h)] == DEAD) {
            h++;
        }
        return h < tail ? h : -1;
    }

    long start(long handle) {
        return starts[slot(handle)];
    }

    /** @return the position after the candidate's last byte, or {@link #UNKNOWN} */
    long end(long handle) {
        return ends[slot(handle)];
    }

    /** @return whether the candidate is still followed */
    boolean isLive(long handle) {
        return handle >= head && handle < tail && ends[slot(handle)] != DEAD;
    }

    void setEnd(long handle, long end) {
        ends[slot(handle)] = end;
        push(end, handle);
    }

    /** @return the live candidate whose STX is at {@code start}, looked for among the last few added, or -1 */
    long withStart(long start) {
        for (long h = tail - 1; h >= head && h >= tail - FrameFormat.HEADER_LENGTH; h--) {
            if (starts[slot(h)] == start) {
                return ends[slot(h)] == DEAD ? -1 : h;
            }
        }
        return -1;
    }

    /**
     * Collects the live candidates that end at {@code position}, outermost first, for
     * {@link #ending(int)}; forgets heap entries of candidates removed meanwhile.
     *
     * @return how many there are
     */
    int collectEndingAt(long position) {
        endingCount = 0;
        while (heapSize > 0 && heapEnds[0] <= position) {
            long end = heapEnds[0];
            long handle = heapHandles[0];
            pop();
            if (end == position && isLive(handle) && ends[slot(handle)] == end) {
                if (endingCount == ending.length) {
                    ending = java.util.Arrays.copyOf(ending, endingCount * 2);
                }
                ending[endingCount++] = handle;
            }
        }
        java.util.Arrays.sort(ending, 0, endingCount);
        return endingCount;
    }

    /** @return the {@code i}th candidate found by {@link #collectEndingAt} */
    long ending(int i) {
        return ending[i];
    }

    void remove(long handle) {
        ends[slot(handle)] = DEAD;
        while (head < tail && ends[slot(head)] == DEAD) {
            head++;
        }
    }

    /** Removes every candidate whose STX came before {@code position}. */
    void removeStartingBefore(long position) {
        while (head < tail && (ends[slot(head)] == DEAD || starts[slot(head)] < position)) {
            head++;
        }
    }

    void clear() {
        head = tail;
        heapSize = 0;
    }

    private void grow() {
        int size = starts.length;
        long[] newStarts = new long[size * 2];
        long[] newEnds = new long[size * 2];
        int mask = size * 2 - 1;
        for (long h = head; h < tail; h++) {
            newStarts[(int) (h & mask)] = starts[slot(h)];
            newEnds[(int) (h & mask)] = ends[slot(h)];
        }
        starts = newStarts;
        ends = newEnds;
    }

    private int slot(long handle) {
        return (int) (handle & (starts.length - 1));
    }

    private void push(long end, long handle) {
        if (heapSize == heapEnds.length) {
            heapEnds = java.util.Arrays.copyOf(heapEnds, heapSize * 2);
            heapHandles = java.util.Arrays.copyOf(heapHandles, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0 && heapEnds[(i - 1) / 2] > end) {
            heapEnds[i] = heapEnds[(i - 1) / 2];
            heapHandles[i] = heapHandles[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        heapEnds[i] = end;
        heapHandles[i] = handle;
    }

    private void pop() {
        long end = heapEnds[--heapSize];
        long handle = heapHandles[heapSize];
        int i = 0;
        while (2 * i + 1 < heapSize) {
            int child = 2 * i + 1;
            if (child + 1 < heapSize && heapEnds[child + 1] < heapEnds[child]) {
                child++;
            }
            if (heapEnds[child] >= end) {
                break;
            }
            heapEnds[i] = heapEnds[child];
            heapHandles[i] = heapHandles[child];
            i = child;
        }
        heapEnds[i] = end;
        heapHandles[i] = handle;
    }
}
