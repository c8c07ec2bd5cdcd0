/** The checkout example: the payment engine's flows, a crash and a recovery, on the embedded defaults. */
package dev.tenderkit.examples.checkout;
