package dev.tenderkit.core.payment;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides what a payment request for an order id means, under a lock for that order only (other
 * orders are admitted meanwhile): join the attempt in progress, answer the paid one, resume one a
 * restart left unfinished, or make a new attempt — allowed only once every earlier attempt is final
 * and unpaid, so at most one attempt of an order is ever paid (invariant 5). A request that joins
 * or answers an existing attempt must ask for the same payment ({@link OrderReuse}). An unfinished
 * attempt that this engine is not running is resumed only once the store hands it to this engine
 * ({@link TransactionStore#claimTrade}): while another engine sharing the store holds it, the request
 * is refused ({@link ErrorCode#HELD_BY_ANOTHER_ENGINE}) and nothing is sent. Thread-safe.
 */
final class OrderAdmission {
    private static final int MAX_ORDER_ID = 64;
    private static final int STRIPES = 64;

    private final TransactionStore store;
    private final InFlight inFlight;
    private final String owner;
    private final Object[] locks = new Object[STRIPES];

    /** @param owner this engine run, as it claims trades ({@link TransactionStore#claimTrade}) */
    OrderAdmission(TransactionStore store, InFlight inFlight, String owner) {
        this.store = store;
        this.inFlight = inFlight;
        this.owner = owner;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** What a request for an order joins, or the number of the new attempt it makes. */
    record Decision(Optional<TradeContext> running, Optional<TradeRecord> existing, int nextAttempt) {
        boolean isNewAttempt() {
            return running.isEmpty() && existing.isEmpty();
        }
    }

    /** Runs {@code body} holding the order's lock: two requests for one order never interleave. */
    <T> T locked(String orderId, Supplier<T> body) {
        synchronized (locks[Math.floorMod(orderId.hashCode(), STRIPES)]) {
            return body.get();
        }
    }

    /**
     * Call holding {@link #locked}.
     *
     * @param sameRequest throws when the request asks for another payment than the attempt it would join
     * @return the attempt in progress (running here, or journaled unfinished and now claimed by this
     *     engine: {@code existing} not final), the paid one, or a new attempt's number
     * @throws TenderKitException with {@link ErrorCode#HELD_BY_ANOTHER_ENGINE} when the unfinished
     *     attempt is held by another engine sharing the store
     */
    Decision decide(String orderId, Consumer<TradeRecord> sameRequest) {
        Optional<TradeContext> running = inFlight.forOrder(orderId);
        if (running.isPresent()) {
            sameRequest.accept(running.get().first());
            return new Decision(running, Optional.empty(), 0);
        }
        List<TradeRecord> attempts = store.tradesForOrder(orderId);
        for (TradeRecord t : attempts) {
            if (t.state() == TradeState.PAID || !t.state().isFinal()) {
                sameRequest.accept(t);
                Optional<TradeContext> here = inFlight.trade(t.outTradeNo());
                if (t.state() == TradeState.PAID || here.isPresent()) {
                    return new Decision(here, Optional.of(t), 0);
                }
                Optional<TradeRecord> claimed = claim(t);
                if (claimed.isEmpty()) {
                    return decide(orderId, sameRequest);   // final by now: decide on what it became
                }
                return new Decision(Optional.empty(), claimed, 0);
            }
        }
        return new Decision(Optional.empty(), Optional.empty(), attempts.size() + 1);
    }

    /**
     * Claims an unfinished trade that this engine is not running, to resume it. Call holding {@link #locked}.
     *
     * @return its latest record, now this engine's; empty when it is final by now
     * @throws TenderKitException with {@link ErrorCode#HELD_BY_ANOTHER_ENGINE} when another engine holds it
     */
    Optional<TradeRecord> claim(TradeRecord t) {
        Optional<TradeRecord> claimed = store.claimTrade(t.outTradeNo(), owner, TradeRecovery.CLAIM_LEASE);
        if (claimed.isPresent()) {
            return claimed;
        }
        TradeRecord now = store.find(t.outTradeNo()).orElse(t);
        if (now.state().isFinal()) {
            return Optional.empty();
        }
        throw new TenderKitException(ErrorCode.HELD_BY_ANOTHER_ENGINE, "order " + t.orderId() + " has trade "
                + t.outTradeNo() + " (" + now.state() + ") in progress at another engine sharing the store, which "
                + "holds it until its lease passes: this engine sent nothing for it. Ask again later with the same "
                + "order id to get its outcome.");
    }

    /** @throws InvalidInputException naming the field when the order's fields are malformed */
    static void validate(String orderId, Money amount, String subject) {
        if (!isOrderId(orderId)) {
            throw new InvalidInputException("orderId", "must be 1-64 of letters, digits and _-.:, got \"" + orderId + "\"");
        }
        amount.requirePositive("amount");
        if (subject.isBlank() || subject.length() > 128) {
            throw new InvalidInputException("subject", "must be 1-128 characters, got " + subject.length());
        }
    }

    /** @return whether the id is 1-64 of ASCII letters, digits and {@code _-.:} (a loop: no regex per order) */
    static boolean isOrderId(String orderId) {
        int n = orderId.length();
        if (n == 0 || n > MAX_ORDER_ID) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = orderId.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
