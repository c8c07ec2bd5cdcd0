/**
 * Terminal health: whether this terminal is fit to take a payment right now, and what maintenance
 * fixes it when it is not.
 *
 * <p>A {@link dev.tenderkit.core.health.HealthCheck} checks one thing and reports
 * {@link dev.tenderkit.core.health.HealthItem}s, OK / WARN / FAIL, each WARN and FAIL with a
 * remedy in Chinese and English and the wallets or methods it affects. A
 * {@link dev.tenderkit.core.health.HealthMonitor} runs the checks on demand or on a schedule
 * (quick checks often, all checks periodically), each with a timeout, keeps recent
 * {@link dev.tenderkit.core.health.HealthReport}s and tells
 * {@link dev.tenderkit.core.health.HealthListener}s. Its
 * {@link dev.tenderkit.core.health.TerminalHealth} is what the capability resolver consumes: a
 * FAIL item refuses the methods it affects as {@code TERMINAL_UNHEALTHY}, with the item's remedy.
 * Checks are registered with the {@link dev.tenderkit.core.health.CheckDepth} they run at. Time
 * passes through one injected {@link dev.tenderkit.core.time.TaskScheduler} and is read from its
 * clock; tests use the {@link dev.tenderkit.core.time.ManualTaskScheduler}. The built-in checks are in
 * {@code dev.tenderkit.core.health.checks}.
 */
package dev.tenderkit.core.health;
