/**
 * The cash-register link (ECR): a cash register asks the payment terminal, over a serial
 * {@link dev.tenderkit.transport.serial.frame.FrameChannel}, to run a sale, refund or void, to
 * report its status, or to tell the result of an earlier request. Both ends are here:
 * {@link dev.tenderkit.transport.serial.ecr.EcrHost} for cash-register software and
 * {@link dev.tenderkit.transport.serial.ecr.EcrDevice} for terminal software, which hands the
 * transactions to an {@link dev.tenderkit.transport.serial.ecr.EcrTransactionHandler} it
 * implements. The protocol is documented for third parties in the module's README.
 */
package dev.tenderkit.transport.serial.ecr;
