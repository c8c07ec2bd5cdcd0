package dev.tenderkit.alipay.crash;

import java.io.PrintStream;

/**
 * The progress lines a crash child prints on stdout, one event each, prefixed so that anything
 * else on stdout is ignored. The test times its kills from them and learns from them what the
 * cashier was told before the kill.
 *
 * <pre>
 * @@ STARTED                              the JVM runs the child's main
 * @@ OPENED &lt;records&gt; &lt;tornBytes&gt;        the journal is open (the previous child's lock is gone)
 * @@ RECOVERING &lt;unfinished&gt;             recover() started on that many unfinished trades
 * @@ PAY &lt;orderId&gt;                        a pay is about to be asked for
 * @@ STATE &lt;outTradeNo&gt; &lt;orderId&gt; &lt;state&gt;  a trade change is durable in the journal
 * @@ OUTCOME &lt;orderId&gt; &lt;outTradeNo&gt; &lt;kind&gt; the cashier is told (PAID, FAILED, REVERSED, UNRESOLVED)
 * @@ RECOVERED &lt;trades&gt;                  recover() completed
 * @@ DONE                                 every order of the work list is final
 * </pre>
 */
final class ChildProgress {
    static final String PREFIX = "@@ ";

    private final PrintStream out;

    ChildProgress(PrintStream out) {
        this.out = out;
    }

    /** Prints one event; println on an autoflushing stream is one write, so lines never interleave. */
    void say(String event, Object... fields) {
        StringBuilder line = new StringBuilder(PREFIX).append(event);
        for (Object f : fields) {
            line.append(' ').append(f);
        }
        out.println(line);
    }

    /** @return the event's fields (event name first), or an empty array for a line that is not progress */
    static String[] parse(String line) {
        return line.startsWith(PREFIX) ? line.substring(PREFIX.length()).split(" ") : new String[0];
    }
}
