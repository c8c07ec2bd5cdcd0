/**
 * The {@code health} example: a full health check of a terminal on loopback, with a failing
 * gateway, and what it does to the capability matrix.
 */
package dev.tenderkit.examples.health;
