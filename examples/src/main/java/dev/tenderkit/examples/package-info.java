/** Runnable examples a POS integrator copies from, and the small input handling they share. */
package dev.tenderkit.examples;
