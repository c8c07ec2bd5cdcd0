/**
 * JMH benchmarks of the capability resolver: one method accepted, one refused, the full matrix,
 * and a map-lookup baseline, under a realistic synthetic policy built in code. See
 * {@code benchmarks/README.md} for how to run them and the measured figures.
 */
package dev.tenderkit.benchmarks.capability;
