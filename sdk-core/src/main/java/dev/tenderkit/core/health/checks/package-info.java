/**
 * The built-in health checks: gateway reachability, clock skew against a reference time, journal
 * storage, terminal software version against the platform policy, peripheral status and power.
 * They are ordinary {@link dev.tenderkit.core.health.HealthCheck}s: read them as examples for your
 * own. None decides how often it runs: register each with the monitor at the
 * {@link dev.tenderkit.core.health.CheckDepth} its documentation recommends, or another that suits
 * the terminal. What only the platform or a driver knows comes in through small SPIs with in-memory-friendly
 * shapes: {@link dev.tenderkit.core.health.checks.ReferenceClock},
 * {@link dev.tenderkit.core.health.checks.PeripheralStatusSource} (implemented by the serial
 * peripheral drivers, which core does not depend on) and
 * {@link dev.tenderkit.core.health.checks.PowerSource}.
 */
package dev.tenderkit.core.health.checks;
