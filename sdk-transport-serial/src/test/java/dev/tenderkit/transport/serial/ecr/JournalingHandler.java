package dev.tenderkit.transport.serial.ecr;

import dev.tenderkit.core.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A real in-memory {@link EcrTransactionHandler} for tests: it records every call, keeps a journal
 * of results that {@link #find} answers from, and lets the test decide when and how each
 * transaction ends (as a buyer entering a password would).
 */
final class JournalingHandler implements EcrTransactionHandler {

    final List<EcrRequest> calls = new ArrayList<>();
    final Map<String, EcrResponse.TransactionResult> journal = new HashMap<>();
    final Map<String, CompletableFuture<EcrResponse.TransactionResult>> running = new HashMap<>();
    TerminalState state = TerminalState.READY;
    boolean approveAtOnce = true;

    @Override
    public synchronized CompletionStage<EcrResponse.TransactionResult> sale(EcrRequest.Sale sale) {
        return start(sale, sale.amount());
    }

    @Override
    public synchronized CompletionStage<EcrResponse.TransactionResult> refund(EcrRequest.Refund refund) {
        return start(refund, refund.amount());
    }

    @Override
    public synchronized CompletionStage<EcrResponse.TransactionResult> voidTrade(EcrRequest.VoidTrade voidTrade) {
        return start(voidTrade, Money.ZERO);
    }

    private CompletionStage<EcrResponse.TransactionResult> start(EcrRequest request, Money amount) {
        calls.add(request);
        CompletableFuture<EcrResponse.TransactionResult> future = new CompletableFuture<>();
        running.put(request.requestId(), future);
        if (approveAtOnce) {
            approve(request.requestId(), amount);
        }
        return future;
    }

    /** Ends a running transaction approved, paid with Huabei, journaling it first. */
    synchronized void approve(String requestId, Money amount) {
        EcrResponse.TransactionResult result = EcrResponse.TransactionResult.approved(requestId, amount,
                "T" + requestId, "花呗");
        journal.put(requestId, result);
        running.remove(requestId).complete(result);
    }

    synchronized void fail(String requestId, RuntimeException error) {
        running.remove(requestId).completeExceptionally(error);
    }

    @Override
    public synchronized Optional<EcrResponse.TransactionResult> find(String requestId) {
        return Optional.ofNullable(journal.get(requestId));
    }

    @Override
    public synchronized TerminalState state() {
        return state;
    }
}
