package dev.tenderkit.testkit.engine;

import static dev.tenderkit.testkit.engine.EngineHarness.ALIPAY_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.RefundQueryResult;
import dev.tenderkit.core.payment.spi.RefundResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refund the wallet accepts and settles later (WeChat Pay: PROCESSING → SUCCESS / CLOSED /
 * ABNORMAL) is followed to its end; one it fails after accepting is final and flagged for a person;
 * one that stays unconfirmed is flagged after the configured attempts, like a reversal, and still
 * followed.
 */
class RefundSettlementTest {
    private static final GatewayCode PROCESSING = GatewayCode.of("PROCESSING");
    private static final GatewayError ABNORMAL = new GatewayError(Cause.GATEWAY_REJECTED,
            new GatewayCode("ABNORMAL", Optional.empty(), "退款异常"));

    @TempDir
    Path dir;
    private EngineHarness h;
    private LyingNetwork network;
    private String trade;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
        h.network(g -> network = new LyingNetwork(g));
        CompletableFuture<TradeOutcome> paid = h.engine.payAsync(BarcodePaymentRequest.of("ORD-R", Money.parse("88.00"),
                ALIPAY_CODE, "咖啡"));
        h.settle();
        trade = assertInstanceOf(TradeOutcome.Paid.class, paid.getNow(null)).trade().outTradeNo();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CompletableFuture<RefundOutcome> refund() {
        return h.refund(trade, "R1", Money.parse("30.00"), "退货");
    }

    @Test
    void aRefundStillProcessingAtTheWalletIsAskedAgainUntilItIsMadeAndNeverSentTwice() {
        network.afterNextRefund(new RefundResult.Accepted(PROCESSING))
                .insteadOfNextRefundQueries(new RefundQueryResult.Processing(PROCESSING),
                        new RefundQueryResult.Processing(PROCESSING));
        CompletableFuture<RefundOutcome> f = refund();
        h.settle();
        RefundOutcome.Refunded refunded = assertInstanceOf(RefundOutcome.Refunded.class, f.getNow(null));
        assertEquals(2, refunded.refund().attempts());
        assertEquals(1, h.gateway.calls().stream().filter("refund"::equals).count(), "processing is never resent");
        assertEquals(Money.parse("58.00"), h.gateway.ledger().get(trade).charged());
    }

    @Test
    void aRefundTheWalletFailsAfterAcceptingItIsFinalAndFlaggedForAPerson() {
        network.insteadOfNextRefund(new RefundResult.Accepted(PROCESSING))
                .insteadOfNextRefundQueries(new RefundQueryResult.Processing(PROCESSING),
                        new RefundQueryResult.Failed(ABNORMAL));
        CompletableFuture<RefundOutcome> f = refund();
        h.settle();
        RefundOutcome.Failed failed = assertInstanceOf(RefundOutcome.Failed.class, f.getNow(null));
        assertEquals(ABNORMAL, failed.error());
        RefundRecord journaled = h.engine.refunds(trade).get(0);
        assertEquals(RefundState.FAILED, journaled.state());
        assertTrue(journaled.attention().orElseThrow().contains("settle it with the buyer"), journaled.toString());
        assertEquals(Money.ZERO, h.engine.trade(trade).orElseThrow().refunded());
    }

    @Test
    void aRefundNeverConfirmedIsFlaggedAfterTheConfiguredAttemptsAndStillFollowedToItsEnd() {
        RefundQueryResult[] silence = new RefundQueryResult[8];
        java.util.Arrays.fill(silence, new RefundQueryResult.Unknown("read timed out"));
        network.insteadOfNextRefund(new RefundResult.Unknown("read timed out")).insteadOfNextRefundQueries(silence);
        CompletableFuture<RefundOutcome> f = refund();
        for (int i = 0; i < 600 && !f.isDone(); i++) {
            h.runFor(Duration.ofSeconds(1));
        }
        RefundOutcome.Unresolved unresolved = assertInstanceOf(RefundOutcome.Unresolved.class, f.getNow(null));
        assertEquals(5, unresolved.refund().attempts(), "the gateway timing's attempts before attention");
        assertTrue(unresolved.refund().needsAttention());
        h.settle();   // the network comes back: not found, resent with the same number, made
        RefundRecord settled = h.engine.refunds(trade).get(0);
        assertEquals(RefundState.REFUNDED, settled.state());
        assertTrue(settled.needsAttention(), "the flag stays for the person who was called");
        assertEquals(Money.parse("58.00"), h.gateway.ledger().get(trade).charged());
    }
}
