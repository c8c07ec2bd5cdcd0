package dev.tenderkit.examples.ecr;

import dev.tenderkit.transport.serial.SerialLink;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The printer's end of the printer cable, in place of a thermal printer: it keeps the bytes of each
 * print job (a job ends with the {@code GS V} cut) and answers the status requests
 * {@code DLE EOT 2} and {@code DLE EOT 4} as a ready printer with paper does ({@code 0x12}).
 */
final class CapturingPrinter implements AutoCloseable {

    private static final int READY = 0x12;

    private final SerialLink link;
    private final LinkedBlockingQueue<byte[]> jobs = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream job = new ByteArrayOutputStream();
    /** Bytes of a command not complete yet: DLE EOT n and GS V m n span chunks. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int statusRequests;

    /** @param link the printer's end; opened here */
    CapturingPrinter(SerialLink link) {
        this.link = link;
        link.open(this::onBytes);
    }

    private synchronized void onBytes(byte[] chunk) {
        pending.writeBytes(chunk);
        byte[] bytes = pending.toByteArray();
        pending.reset();
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == 0x10 || b == 0x1D) { // DLE EOT n or GS V m n: need the whole command
                int size = b == 0x10 ? 3 : 4;
                if (i + 1 < bytes.length && (b == 0x10 ? bytes[i + 1] != 0x04 : bytes[i + 1] != 'V')) {
                    job.write(b); // another GS command: part of the job
                    i++;
                    continue;
                }
                if (i + size > bytes.length) {
                    pending.write(bytes, i, bytes.length - i);
                    return;
                }
                if (b == 0x10) {
                    statusRequests++;
                    link.write(new byte[] {READY});
                } else {
                    job.write(bytes, i, size);
                    jobs.add(job.toByteArray());
                    job.reset();
                }
                i += size;
                continue;
            }
            job.write(b);
            i++;
        }
    }

    /**
     * @param timeout how long to wait
     * @return the next complete print job, cut included
     * @throws IllegalStateException if no job ended within the timeout
     */
    byte[] nextJob(Duration timeout) throws InterruptedException {
        byte[] next = jobs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new IllegalStateException("no print job ended with a cut within " + timeout + "; "
                    + received() + " bytes of an unfinished job received");
        }
        return next;
    }

    private synchronized int received() {
        return job.size();
    }

    /** @return how many status requests were answered */
    synchronized int statusRequests() {
        return statusRequests;
    }

    @Override
    public void close() {
        link.close();
    }
}
