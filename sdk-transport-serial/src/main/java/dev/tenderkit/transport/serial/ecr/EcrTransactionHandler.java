package dev.tenderkit.transport.serial.ecr;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the terminal software plugs into an {@link EcrDevice}: it runs the transactions a cash
 * register asks for. TenderKit's payment engine will implement it; until then the terminal
 * software does.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>The {@link EcrDevice} calls {@link #sale}, {@link #refund} and {@link #voidTrade} at most
 *       once per request id while it runs, and one at a time. Across restarts, at-most-once rests on
 *       {@link #find}: it must answer from the same durable journal the transactions are recorded
 *       in before any money moves, so that a repeated request is answered, not run again.
 *   <li>The returned stage completes with the result for that request's id. Completing it
 *       exceptionally is reported to the cash register as {@link TransactionStatus#UNKNOWN}, never
 *       as declined.
 *   <li>Methods are called on the link's thread and must return quickly; do the work elsewhere
 *       and complete the stage later.
 * </ul>
 */
public interface EcrTransactionHandler {

    /** @param sale the request @return completes with its result */
    CompletionStage<EcrResponse.TransactionResult> sale(EcrRequest.Sale sale);

    /** @param refund the request @return completes with its result */
    CompletionStage<EcrResponse.TransactionResult> refund(EcrRequest.Refund refund);

    /** @param voidTrade the request @return completes with its result */
    CompletionStage<EcrResponse.TransactionResult> voidTrade(EcrRequest.VoidTrade voidTrade);

    /**
     * @param requestId a cash register's request id
     * @return the latest known result of that request, or empty if this terminal never ran it
     */
    Optional<EcrResponse.TransactionResult> find(String requestId);

    /** @return whether the terminal could take a transaction now, ignoring one in progress */
    TerminalState state();
}
