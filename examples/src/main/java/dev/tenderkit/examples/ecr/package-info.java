/**
 * The cash-register demo: a simulated cash register and a payment terminal talking the ECR protocol
 * over a socat pseudo-terminal pair, the terminal taking the sale through the payment engine on the
 * embedded defaults and printing the receipt on an ESC/POS printer behind a second pair.
 */
package dev.tenderkit.examples.ecr;
