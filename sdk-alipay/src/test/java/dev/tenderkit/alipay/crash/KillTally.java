package dev.tenderkit.alipay.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the kills of one run hit, read from each killed child's progress lines: where the child was
 * when the kill came, how many pays were in flight, what the journal's open found, how much each
 * restart had to recover, and what the cashier had been told (for the audit).
 */
final class KillTally {
    private final Map<String, Integer> phases = new TreeMap<>();
    private final List<JournalLedgerAudit.Told> told = new ArrayList<>();
    private int kills;
    private int untriggered;
    private int tornTails;
    private long tornBytes;
    private int recoveredAtRestart;
    private int paysInFlightAtKill;

    /** A child was killed at {@code killNanos}; {@code triggered} says whether its moment's line came. */
    void killed(List<ChildProcess.Line> lines, long killNanos, boolean triggered) {
        kills++;
        if (!triggered) {
            untriggered++;
        }
        String phase = "LAUNCHED";
        int pays = 0;
        for (ChildProcess.Line l : lines) {
            if (l.atNanos() <= killNanos) {
                phase = l.event().equals("STATE") ? "STATE " + l.fields()[3] : l.event();
                pays += l.event().equals("PAY") ? 1 : l.event().equals("OUTCOME") ? -1 : 0;
            }
        }
        phases.merge(phase, 1, Integer::sum);
        paysInFlightAtKill += Math.max(0, pays);
        read(lines);
    }

    /** Reads what any child (killed or not) said: the journal's open, the recovery, the outcomes. */
    void read(List<ChildProcess.Line> lines) {
        for (ChildProcess.Line l : lines) {
            String[] f = l.fields();
            switch (l.event()) {
                case "OPENED" -> opened(Long.parseLong(f[2]));
                case "RECOVERING" -> recoveredAtRestart += Integer.parseInt(f[1]);
                case "OUTCOME" -> told.add(new JournalLedgerAudit.Told(f[1], f[2], f[3]));
                default -> {
                }
            }
        }
    }

    /** A journal was opened and found {@code torn} bytes of torn tail. */
    void opened(long torn) {
        if (torn > 0) {
            tornTails++;
            tornBytes += torn;
        }
    }

    int kills() {
        return kills;
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
                + tornTails + " torn tails (" + tornBytes + " bytes), last line before each kill " + phases;
    }
}
