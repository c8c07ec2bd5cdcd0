package dev.tenderkit.testkit.crash;

import java.time.Duration;
import java.util.Objects;
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
public record KillMoment(Trigger trigger, int nth, Duration delay) {

    /** Validates. */
    public KillMoment {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(delay, "delay");
    }

    /** The kinds of progress line a kill is timed from. */
    public enum Trigger {
        /** Measured from the launch: mostly before any request, sometimes into recovery. */
        LAUNCH(l -> true, 1500),
        /** The journal is open: recovery is about to start. */
        OPENED(l -> l.event().equals("OPENED"), 150),
        /** A pay is about to be asked for: before the intent, before the request, or in flight. */
        PAY_SENT(l -> l.event().equals("PAY"), 60),
        /** A trade waits for its buyer: while it is polled. */
        POLLING(l -> isState(l, "AWAITING_BUYER"), 250),
        /** A trade is being reversed. */
        REVERSING(l -> isState(l, "REVERSING"), 40),
        /** Any journal write: the next one is often under way. */
        JOURNAL_WRITE(l -> l.event().equals("STATE"), 8),
        /** The cashier was told: after a trade's final record. */
        CASHIER_TOLD(l -> l.event().equals("OUTCOME"), 30);

        private final Predicate<ChildProcess.Line> matches;
        private final int maxDelayMillis;

        Trigger(Predicate<ChildProcess.Line> matches, int maxDelayMillis) {
            this.matches = matches;
            this.maxDelayMillis = maxDelayMillis;
        }

        /** @return which progress lines count */
        public Predicate<ChildProcess.Line> matches() {
            return matches;
        }

        private static boolean isState(ChildProcess.Line l, String state) {
            return l.event().equals("STATE") && l.fields()[3].equals(state);
        }
    }

    /**
     * The moment of kill number {@code kill} (0-based): the triggers take turns, so that a run of at
     * least as many kills as there are triggers uses each; occurrence and delay are drawn.
     *
     * @param random the run's randomness
     * @param kill which kill of the run
     * @return the moment
     */
    public static KillMoment draw(Random random, int kill) {
        Trigger[] all = Trigger.values();
        Trigger t = all[kill % all.length];
        int nth = t == Trigger.LAUNCH || t == Trigger.OPENED ? 1 : 1 + random.nextInt(4);
        return new KillMoment(t, nth, Duration.ofMillis(random.nextInt(t.maxDelayMillis + 1)));
    }

    @Override
    public String toString() {
        return delay.toMillis() + " ms after " + trigger + (nth > 1 ? " #" + nth : "");
    }
}
