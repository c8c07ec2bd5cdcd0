/** The serial drivers' peripheral status, for core's peripheral health check. */
package dev.tenderkit.transport.serial.health;
