package dev.tenderkit.testkit.crash;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The progress lines a crash child prints on stdout, one event each, prefixed so that anything
 * else on stdout is ignored. The test times its kills from them and learns from them what the
 * cashier was told before the kill. Thread-safe (one {@code println} per line).
 *
 * <pre>
 * {@literal @@} STARTED                              the JVM runs the child's main
 * {@literal @@} OPENED &lt;records&gt; &lt;tornBytes&gt;        the journal is open (the previous child's lock is gone)
 * {@literal @@} RECOVERING &lt;unfinished&gt;             recover() started on that many unfinished trades
 * {@literal @@} PAY &lt;orderId&gt;                        a pay is about to be asked for
 * {@literal @@} STATE &lt;outTradeNo&gt; &lt;orderId&gt; &lt;state&gt;  a trade change is durable in the journal
 * {@literal @@} OUTCOME &lt;orderId&gt; &lt;outTradeNo&gt; &lt;kind&gt; the cashier is told (PAID, FAILED, REVERSED, UNRESOLVED)
 * {@literal @@} RECOVERED &lt;trades&gt;                  recover() completed
 * {@literal @@} DONE                                 every order of the work list is final
 * </pre>
 */
public final class ChildProgress {
    /** What starts a progress line. */
    public static final String PREFIX = "@@ ";

    private final PrintStream out;

    /** @param out an autoflushing stream (the child's stdout) */
    public ChildProgress(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Prints one event; println on an autoflushing stream is one write, so lines never interleave.
     *
     * @param event the event's name
     * @param fields its fields, printed with {@code toString()}, none containing a space
     */
    public void say(String event, Object... fields) {
        StringBuilder line = new StringBuilder(PREFIX).append(event);
        for (Object f : fields) {
            line.append(' ').append(f);
        }
        out.println(line);
    }

    /**
     * @param line a line of a child's stdout
     * @return the event's fields (event name first), or an empty array for a line that is not progress
     */
    public static String[] parse(String line) {
        return line.startsWith(PREFIX) ? line.substring(PREFIX.length()).split(" ") : new String[0];
    }
}
