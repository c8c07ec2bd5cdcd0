package dev.tenderkit.alipay.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the kills of one run hit, read from each killed child's progress lines: where the child was
 * when the kill came, how many pays were in flight, what the journal's open found, how much each
 * restart had to recover, and what the cashier had been told (for the audit).
 */
final class KillTally {
    private final Map<String, Integer> phases = new TreeMap<>();
    private final List<JournalLedgerAudit.Told> told = new ArrayList<>();
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

    /** A child was killed at {@code killNanos}; {@code triggered} says whether its moment's line came. */
    void killed(List<ChildProcess.Line> lines, long killNanos, boolean triggered) {
        kills++;
        if (!triggered) {
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
        });
        phases.merge(phase, 1, Integer::sum);
        paysInFlightAtKill += Math.max(0, pays);
        read(lines);
    }

    /** Reads what any child (killed or not) said: the journal's open, the recovery, the outcomes. */
    void read(List<ChildProcess.Line> lines) {
        for (ChildProcess.Line l : lines) {
            String[] f = l.fields();
            switch (l.event()) {
                case "OPENED" -> {
                    opened(Long.parseLong(f[2]));
                    compacted(Integer.parseInt(f[1]));
                }
                case "RECOVERING" -> recoveredAtRestart += Integer.parseInt(f[1]);
                case "OUTCOME" -> told.add(new JournalLedgerAudit.Told(f[1], f[2], f[3]));
                default -> {
                }
            }
        }
    }

    /** A journal was opened and found {@code torn} bytes of torn tail. */
    void opened(long torn) {
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

    /** @return the trades a kill cut off after their intent was journaled and before any answer was */
    Set<String> cutAfterIntent() {
        return cutAfterIntent;
    }

    int kills() {
        return kills;
    }

    /** @return how many children opened the journal (each after a predecessor's kill, but the first) */
    int opens() {
        return opens;
    }

    int tornTails() {
        return tornTails;
    }

    List<JournalLedgerAudit.Told> told() {
        return told;
    }

    @Override
    public String toString() {
        return kills + " SIGKILLs (" + untriggered + " at a fallback moment), " + paysInFlightAtKill
                + " pays in flight at the kills, " + recoveredAtRestart + " unfinished trades recovered at restarts, "
                + opens + " clean opens of the journal after a kill, " + tornTails + " torn tails (" + tornBytes
                + " bytes), " + compactedLives + " children compacted the journal, last line before each kill "
                + phases;
    }
}
