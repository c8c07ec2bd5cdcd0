package dev.tenderkit.alipay.crash;

import java.time.Duration;
import java.util.Random;
import java.util.function.Predicate;

/**
 * When to kill a child: a random delay after the n-th progress line of a kind. The kinds spread the
 * kills over a terminal's life: while the JVM starts and before any request, just after the journal
 * opens, while a pay request goes out, while a trade is polled, while one is reversed, right after
 * a journal write (when the next one is often under way), and as the cashier is told.
 *
 * @param trigger the kind of line counted
 * @param nth which occurrence of it
 * @param delay how long after it the kill is sent
 */
record KillMoment(Trigger trigger, int nth, Duration delay) {

    /** The kinds of progress line a kill is timed from. */
    enum Trigger {
        /** Measured from the launch: mostly before any request, sometimes into recovery. */
        LAUNCH(l -> true, 1500),
        OPENED(l -> l.event().equals("OPENED"), 150),
        PAY_SENT(l -> l.event().equals("PAY"), 60),
        POLLING(l -> isState(l, "AWAITING_BUYER"), 250),
        REVERSING(l -> isState(l, "REVERSING"), 40),
        JOURNAL_WRITE(l -> l.event().equals("STATE"), 8),
        CASHIER_TOLD(l -> l.event().equals("OUTCOME"), 30);

        private final Predicate<ChildProcess.Line> matches;
        private final int maxDelayMillis;

        Trigger(Predicate<ChildProcess.Line> matches, int maxDelayMillis) {
            this.matches = matches;
            this.maxDelayMillis = maxDelayMillis;
        }

        Predicate<ChildProcess.Line> matches() {
            return matches;
        }

        private static boolean isState(ChildProcess.Line l, String state) {
            return l.event().equals("STATE") && l.fields()[3].equals(state);
        }
    }

    static KillMoment draw(Random random) {
        Trigger[] all = Trigger.values();
        Trigger t = all[random.nextInt(all.length)];
        int nth = t == Trigger.LAUNCH || t == Trigger.OPENED ? 1 : 1 + random.nextInt(4);
        return new KillMoment(t, nth, Duration.ofMillis(random.nextInt(t.maxDelayMillis + 1)));
    }

    @Override
    public String toString() {
        return delay.toMillis() + " ms after " + trigger + (nth > 1 ? " #" + nth : "");
    }
}
