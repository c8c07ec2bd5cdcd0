package dev.tenderkit.core.health;

import java.util.List;

/**
 * One thing about the terminal that must be right for payments to work: a gateway that answers,
 * a clock that is not off by minutes, journal storage that takes writes. A
 * {@link HealthMonitor} runs a list of these, each with a timeout, and collects their items into a
 * {@link HealthReport}. How often a check runs is not the check's to say: the monitor registers
 * each one with its {@link CheckDepth} ({@code HealthMonitor.builder().check(CheckDepth.QUICK, check)}),
 * so one check can run quickly on one terminal and only in full runs on another.
 *
 * <p>Implementations must be thread-safe: an on-demand run and a scheduled run may call
 * {@link #check} at the same time. A check may block (connect, fsync), should give up within
 * {@link HealthCheckContext#timeout()} and should respond to interruption. A check that throws or
 * does not finish in time is not lost: the run reports it as a FAIL item under the check's id,
 * naming the exception or the timeout.
 */
public interface HealthCheck {

    /**
     * @return stable id, dotted lower-case segments such as {@code network.gateway}; unique
     *     within a monitor, and every item the check reports is this id or starts with it and a dot
     */
    String id();

    /**
     * Checks once.
     *
     * @param context the clock, the run's depth and the time allowed
     * @return at least one item, each with a distinct id belonging to this check
     */
    List<HealthItem> check(HealthCheckContext context);
}
