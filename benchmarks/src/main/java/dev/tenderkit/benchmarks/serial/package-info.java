/**
 * JMH benchmarks of the serial transport: frame encode+decode throughput and an ECR
 * request-to-response round trip over a socat pseudo-terminal pair.
 */
package dev.tenderkit.benchmarks.serial;
