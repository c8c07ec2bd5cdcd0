package dev.tenderkit.core.payment.spi;

/**
 * A wallet's payment gateway as the engine uses it; the Alipay and WeChat Pay modules implement
 * it, and so do the testkit's simulators.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Never report an outcome that was not verified: a timeout, a reset, a 5xx, an unparsable
 *       body or a missing or bad signature is {@code Unknown} (or {@code NotSent} when provably
 *       nothing left), never a failure and never a success.</li>
 *   <li>Bind every answer to its request. An answer counts only if what it says about identity
 *       (the out_trade_no, the refund request number, the amount, wherever it carries them) equals
 *       what was asked, and it has the shape of an answer to this call (not another call's answer
 *       renamed); a genuinely signed answer of another trade, another refund or another call is
 *       {@code Unknown}, exactly like a bad signature. Signatures exist to stop a man in the middle,
 *       and a replayed signed answer is his cheapest attack.</li>
 *   <li>Report an outcome only as strongly as the answer proves it: a success that names the trade
 *       but not the refund request is {@link RefundResult.Accepted}, not {@code Refunded}; the
 *       engine confirms it by a query. A verified refusal of a pay request is
 *       {@link PayResult.Declined}, and the engine confirms it with a query (and, if the query
 *       cannot confirm it, a reversal) before the trade is final, because a refusal usually names no
 *       trade and one wrongly final trade is a charge nobody collects. "Already paid" is no refusal:
 *       answer {@code Unknown} so that the engine queries.</li>
 *   <li>Map the wallet's refusals to the capability vocabulary in {@link GatewayError}, keeping the
 *       raw code.</li>
 *   <li>Don't retry a request that may have left; the engine decides (it queries).</li>
 *   <li>Be thread-safe; calls may block (network) and are made from the engine's worker threads.</li>
 *   <li>Prefer returning {@code Unknown} to throwing; a thrown exception is treated as
 *       {@code Unknown} by the engine.</li>
 * </ul>
 */
public interface PaymentGateway {

    /** @return a short id for logs and the journal, e.g. {@code alipay} */
    String id();

    /** @return when to poll and retry reversals for this wallet */
    default GatewayTiming timing() {
        return GatewayTiming.DEFAULT;
    }

    /** Takes a barcode payment (the buyer showed a payment code). */
    PayResult pay(PayRequest request);

    /** Creates a QR payment (the terminal shows a code). */
    PrecreateResult precreate(PrecreateRequest request);

    /** Asks for the trade's status. */
    QueryResult query(TradeRef trade);

    /** Reverses (cancels) a trade: closes it if unpaid, returns the money if paid. */
    ReverseResult reverse(TradeRef trade);

    /** Closes an unpaid trade so that it can no longer be paid. */
    CloseResult close(TradeRef trade);

    /** Refunds part or all of a paid trade; idempotent by the refund request number. */
    RefundResult refund(RefundRequest request);

    /** Asks for a refund's status. */
    RefundQueryResult queryRefund(TradeRef trade, String refundRequestNo);
}
