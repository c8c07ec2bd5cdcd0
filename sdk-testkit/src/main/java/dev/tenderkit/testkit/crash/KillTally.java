package dev.tenderkit.testkit.crash;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the kills of one run hit, read from each killed child's progress lines: where the child was
 * when the kill came, which kill moments came, the states the kills cut trades off in, how many
 * pays were in flight, what the journal's open found, how much each restart had to recover, and
 * what the cashier had been told (for {@link JournalLedgerAudit}). Not thread-safe: the test's
 * thread feeds it.
 */
public final class KillTally {
    /** The states a trade can be cut off in; final ones are not cut. */
    private static final Set<String> UNFINISHED = Set.of("CREATED", "AWAITING_BUYER", "REVERSING");

    private final Map<String, Integer> phases = new TreeMap<>();
    private final Map<KillMoment.Trigger, Integer> triggered = new EnumMap<>(KillMoment.Trigger.class);
    private final Map<String, Integer> cutIn = new TreeMap<>();
    private final List<CashierTold> told = new ArrayList<>();
    /** Trades whose last journaled state, when their child was killed, was the bare intent. */
    private final Set<String> cutAfterIntent = new HashSet<>();
    private int kills;
    private int untriggered;
    private int opens;
    private int tornTails;
    private long tornBytes;
    private int recoveredAtRestart;
    private int paysInFlightAtKill;
    private int lastRecords;
    private int compactedLives;

    /**
     * A child was killed.
     *
     * @param lines all its progress lines (read to the end of its stdout after the kill)
     * @param killNanos when the kill was sent
     * @param moment when it was meant to come
     * @param came whether the moment's line came (else the kill fell back to a timeout)
     */
    public void killed(List<ChildProcess.Line> lines, long killNanos, KillMoment moment, boolean came) {
        kills++;
        if (came) {
            triggered.merge(moment.trigger(), 1, Integer::sum);
        } else {
            untriggered++;
        }
        String phase = "LAUNCHED";
        int pays = 0;
        Map<String, String> lastState = new HashMap<>();
        for (ChildProcess.Line l : lines) {
            if (l.event().equals("STATE")) {
                lastState.put(l.fields()[1], l.fields()[3]);   // lines read after the kill were written before it
            }
            if (l.atNanos() <= killNanos) {
                phase = l.event().equals("STATE") ? "STATE " + l.fields()[3] : l.event();
                pays += l.event().equals("PAY") ? 1 : l.event().equals("OUTCOME") ? -1 : 0;
            }
        }
        lastState.forEach((trade, state) -> {
            if (state.equals("CREATED")) {
                cutAfterIntent.add(trade);
            }
            if (UNFINISHED.contains(state)) {
                cutIn.merge(state, 1, Integer::sum);
            }
        });
        phases.merge(phase, 1, Integer::sum);
        paysInFlightAtKill += Math.max(0, pays);
        read(lines);
    }

    /**
     * Reads what any child (killed or not) said: the journal's open, the recovery, the outcomes.
     *
     * @param lines its progress lines
     */
    public void read(List<ChildProcess.Line> lines) {
        for (ChildProcess.Line l : lines) {
            String[] f = l.fields();
            switch (l.event()) {
                case "OPENED" -> {
                    opened(Long.parseLong(f[2]));
                    compacted(Integer.parseInt(f[1]));
                }
                case "RECOVERING" -> recoveredAtRestart += Integer.parseInt(f[1]);
                case "OUTCOME" -> told.add(new CashierTold(f[1], f[2], f[3]));
                default -> {
                }
            }
        }
    }

    /** @param torn how many bytes of torn tail a journal's open found */
    public void opened(long torn) {
        opens++;
        if (torn > 0) {
            tornTails++;
            tornBytes += torn;
        }
    }

    /** Records only accumulate between compactions: fewer than at the last open means a child compacted. */
    private void compacted(int records) {
        if (records < lastRecords) {
            compactedLives++;
        }
        lastRecords = records;
    }

    /**
     * The proof that kills landed at every point of a trade's life: each kill moment came at least
     * once, and kills cut trades off just after their intent (before the pay was sent or while it
     * was in flight), while they were polled and while they were reversed.
     *
     * @return what was never hit, empty when every point was
     */
    public List<String> pointsMissed() {
        List<String> missed = new ArrayList<>();
        for (KillMoment.Trigger t : KillMoment.Trigger.values()) {
            if (!triggered.containsKey(t)) {
                missed.add("no kill came " + t);
            }
        }
        for (String state : List.of("CREATED", "AWAITING_BUYER", "REVERSING")) {
            if (!cutIn.containsKey(state)) {
                missed.add("no kill cut a trade off in " + state);
            }
        }
        if (paysInFlightAtKill == 0) {
            missed.add("no kill came with a pay in flight");
        }
        return missed;
    }

    /** @return the trades a kill cut off after their intent was journaled and before any answer was */
    public Set<String> cutAfterIntent() {
        return Set.copyOf(cutAfterIntent);
    }

    /** @return how many children were killed */
    public int kills() {
        return kills;
    }

    /** @return how many children opened the journal (each after a predecessor's kill, but the first) */
    public int opens() {
        return opens;
    }

    /** @return how many opens found a torn tail */
    public int tornTails() {
        return tornTails;
    }

    /** @return what the cashier was told, in the order the children said it */
    public List<CashierTold> told() {
        return List.copyOf(told);
    }

    @Override
    public String toString() {
        return kills + " SIGKILLs (" + untriggered + " at a fallback moment; moments that came " + triggered
                + "), " + paysInFlightAtKill + " pays in flight at the kills, trades cut off in " + cutIn + ", "
                + recoveredAtRestart + " unfinished trades recovered at restarts, " + opens
                + " clean opens of the journal after a kill, " + tornTails + " torn tails (" + tornBytes
                + " bytes), " + compactedLives + " children compacted the journal, last line before each kill "
                + phases;
    }
}
