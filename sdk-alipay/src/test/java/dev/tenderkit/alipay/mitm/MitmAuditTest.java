package dev.tenderkit.alipay.mitm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.alipay.mitm.EngineLedgerAudit.Subject;
import dev.tenderkit.alipay.mitm.EngineLedgerAudit.Violation;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeProgress;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.testkit.alipay.AlipayTrade;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The audit of the man-in-the-middle test, on doctored input: each kind of disagreement between
 * engine and wallet is caught, and said precisely; agreement, flagged or not, is no disagreement.
 */
class MitmAuditTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final String NO = "T1TEST00001";
    private static final String WALLET_NO = "2026030222000000000000000001";
    private static final Money AMOUNT = Money.parse("88.00");

    // ---------------------------------------------------------------- the engine's side

    private static TradeRecord engine(TradeState state, Optional<Payment> payment, Optional<GatewayError> failure,
            Money refunded, Optional<String> attention) {
        return new TradeRecord(new TradeIntent(NO, "ORD-1", 1, TradeKind.BARCODE, "alipay-direct", "alipay", "alipay",
                AMOUNT, "test", Optional.empty(), "28**************01", Optional.empty(), T0, T0.plusSeconds(60)),
                new TradeProgress(state, T0, payment, failure, Optional.empty(), Optional.empty(), 0, attention, refunded,
                        Optional.empty(), false, 3));
    }

    private static TradeRecord paid(String walletTradeNo, Money amount, boolean huabei) {
        return engine(TradeState.PAID, Optional.of(new Payment(walletTradeNo, amount,
                huabei ? new FundingSource("PCREDIT", true, 0) : new FundingSource("ALIPAYACCOUNT", false, 0), T0)),
                Optional.empty(), Money.ZERO, Optional.empty());
    }

    private static TradeRecord paid() {
        return paid(WALLET_NO, AMOUNT, false);
    }

    private static TradeRecord paidRefunded(Money refunded) {
        TradeRecord p = paid();
        return engine(TradeState.PAID, p.payment(), Optional.empty(), refunded, Optional.empty());
    }

    private static TradeRecord failed() {
        GatewayError balance = new GatewayError(Cause.BUYER_INSUFFICIENT_FUNDS, new GatewayCode("40004",
                Optional.of("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "买家余额不足"));
        return engine(TradeState.FAILED, Optional.empty(), Optional.of(balance), Money.ZERO, Optional.empty());
    }

    private static TradeRecord reversed() {
        return engine(TradeState.REVERSED, Optional.empty(), Optional.empty(), Money.ZERO, Optional.empty());
    }

    private static RefundRecord refund(String number, String amount, RefundState state) {
        return new RefundRecord(NO, number, Money.parse(amount), "test", state, T0, T0, state == RefundState.FAILED
                ? Optional.of(new GatewayError(Cause.GATEWAY_REJECTED, GatewayCode.of("40004"))) : Optional.empty(),
                Optional.empty(), 1);
    }

    // ---------------------------------------------------------------- the wallet's side

    private static AlipayTrade wallet(AlipayTrade.Status status, Money charged, Optional<String> fund,
            Map<String, Money> refunds, Optional<String> closedBy) {
        return new AlipayTrade(NO, WALLET_NO, "BAR_CODE", AMOUNT, status, charged, fund, 0, refunds, closedBy);
    }

    private static AlipayTrade walletPaid() {
        return wallet(AlipayTrade.Status.TRADE_SUCCESS, AMOUNT, Optional.of("ALIPAYACCOUNT"), Map.of(),
                Optional.empty());
    }

    private static AlipayTrade walletRefunded(String number, String amount) {
        Money r = Money.parse(amount);
        return wallet(AlipayTrade.Status.TRADE_SUCCESS, AMOUNT.minus(r), Optional.of("ALIPAYACCOUNT"),
                Map.of(number, r), Optional.empty());
    }

    private static AlipayTrade walletWaiting() {
        return wallet(AlipayTrade.Status.WAIT_BUYER_PAY, Money.ZERO, Optional.empty(), Map.of(), Optional.empty());
    }

    private static AlipayTrade walletClosedUnpaid() {
        return wallet(AlipayTrade.Status.TRADE_CLOSED, Money.ZERO, Optional.empty(), Map.of(), Optional.of("cancel"));
    }

    private static AlipayTrade walletReversedAfterPayment() {
        return wallet(AlipayTrade.Status.TRADE_CLOSED, Money.ZERO, Optional.of("ALIPAYACCOUNT"), Map.of(),
                Optional.of("cancel"));
    }

    // ---------------------------------------------------------------- audits

    private static EngineLedgerAudit audit(TradeRecord t, List<RefundRecord> refunds, AlipayTrade w) {
        Map<String, AlipayTrade> ledger = new HashMap<>();
        if (w != null) {
            ledger.put(w.outTradeNo(), w);
        }
        return new EngineLedgerAudit(List.of(t), Map.of(NO, refunds), ledger, Map.of(), Map.of(), no -> "history of "
                + no);
    }

    private static EngineLedgerAudit audit(TradeRecord t, AlipayTrade w) {
        return audit(t, List.of(), w);
    }

    /** The audit found exactly one disagreement, about {@code subject}, saying {@code fragment}. */
    private static void caught(EngineLedgerAudit audit, Subject subject, String fragment) {
        List<Violation> v = audit.violations();
        assertEquals(1, v.size(), () -> "one disagreement expected: " + v);
        assertEquals(subject, v.get(0).subject(), v.get(0).toString());
        assertTrue(v.get(0).what().contains(fragment), () -> "\"" + fragment + "\" expected in " + v.get(0).what());
        String report = String.join("\n", audit.report());
        assertTrue(report.contains(v.get(0).outTradeNo()) && report.contains("history of " + v.get(0).outTradeNo()),
                () -> "the report names the trade and what it went through: " + report);
    }

    private static void agrees(EngineLedgerAudit audit) {
        assertEquals(List.of(), audit.violations());
        assertEquals(List.of(), audit.report());
    }

    @Test
    void engineAndWalletInAgreementGiveNoDisagreement() {
        agrees(audit(paid(), walletPaid()));
        agrees(audit(paidRefunded(Money.parse("10.00")), List.of(refund("R1", "10.00", RefundState.REFUNDED),
                refund("R2", "5.00", RefundState.FAILED)), walletRefunded("R1", "10.00")));
        agrees(audit(failed(), null));
        agrees(audit(failed(), walletClosedUnpaid()));
        agrees(audit(reversed(), walletClosedUnpaid()));
        agrees(audit(reversed(), walletReversedAfterPayment()));
        agrees(audit(reversed(), null));
    }

    @Test
    void aFlaggedTradeThatAgreesIsCountedNotReported() {
        TradeRecord p = paid();
        EngineLedgerAudit a = audit(engine(TradeState.PAID, p.payment(), Optional.empty(), Money.ZERO,
                Optional.of("paid after the deadline")), walletPaid());
        agrees(a);
        assertTrue(a.summary().contains("1 flagged"), a.summary());
    }

    @Test
    void aTradeNotFinalAfterSettlingIsReported() {
        caught(audit(engine(TradeState.REVERSING, Optional.empty(), Optional.empty(), Money.ZERO, Optional.empty()),
                walletWaiting()), Subject.TRADE, "left unsettled: REVERSING");
    }

    @Test
    void aPaidTradeTheWalletNeverHeardOfIsReported() {
        caught(audit(paid(), null), Subject.TRADE, "PAID but the wallet has no such trade");
    }

    @Test
    void aPaidTradeTheWalletStillWaitsForIsReported() {
        caught(audit(paid(), walletWaiting()), Subject.TRADE, "PAID but the wallet never charged it");
    }

    @Test
    void aPaidTradeTheWalletReversedIsReported() {
        caught(audit(paid(), walletReversedAfterPayment()), Subject.TRADE, "returned the money");
    }

    @Test
    void aPaymentUnderAnotherWalletTradeNumberIsReported() {
        caught(audit(paid("2026030222000000000000000999", AMOUNT, false), walletPaid()), Subject.TRADE,
                "wallet trade number \"2026030222000000000000000999\", the wallet's is " + WALLET_NO);
    }

    @Test
    void aPaidAmountOtherThanTheWalletsIsReported() {
        caught(audit(paid(WALLET_NO, Money.parse("8.80"), false), walletPaid()), Subject.TRADE,
                "PAID 8.80 for a trade of 88.00, the wallet charged 88.00");
    }

    @Test
    void aFundingSourceOtherThanTheWalletsIsReported() {
        caught(audit(paid(WALLET_NO, AMOUNT, true), walletPaid()), Subject.TRADE,
                "PAID from PCREDIT, the wallet charged ALIPAYACCOUNT");
    }

    @Test
    void aFailedTradeTheWalletChargedIsReported() {
        caught(audit(failed(), walletPaid()), Subject.TRADE, "FAILED but the wallet holds a payment of 88.00");
    }

    @Test
    void aFailedTradeTheWalletStillHoldsOpenIsReported() {
        caught(audit(failed(), walletWaiting()), Subject.TRADE, "FAILED but the wallet still waits for the buyer");
    }

    @Test
    void aReversedTradeTheWalletChargedIsReported() {
        caught(audit(reversed(), walletPaid()), Subject.TRADE, "REVERSED but the wallet holds a payment of 88.00");
    }

    @Test
    void aReversedTradeTheWalletStillHoldsOpenIsReported() {
        caught(audit(reversed(), walletWaiting()), Subject.TRADE, "REVERSED but the wallet still waits for the buyer");
    }

    @Test
    void aReversedTradeWhoseClosedWalletTradeStillHoldsMoneyIsReported() {
        caught(audit(reversed(), wallet(AlipayTrade.Status.TRADE_CLOSED, Money.parse("1.00"),
                Optional.of("ALIPAYACCOUNT"), Map.of(), Optional.of("cancel"))), Subject.TRADE,
                "the closed trade still holds 1.00");
    }

    @Test
    void aRefundTheWalletNeverMadeIsReported() {
        caught(audit(paidRefunded(Money.parse("10.00")), List.of(refund("R1", "10.00", RefundState.REFUNDED)),
                walletPaid()), Subject.REFUND, "refund R1 of 10.00: REFUNDED but the wallet has no such refund");
    }

    @Test
    void aRefundOfAnotherAmountIsReported() {
        caught(audit(paidRefunded(Money.parse("10.00")), List.of(refund("R1", "10.00", RefundState.REFUNDED)),
                walletRefunded("R1", "1.00")), Subject.REFUND,
                "REFUNDED but the wallet refunded 1.00 under that number");
    }

    @Test
    void aRefundReportedFailedThatTheWalletMadeIsReported() {
        caught(audit(paid(), List.of(refund("R1", "10.00", RefundState.FAILED)), walletRefunded("R1", "10.00")),
                Subject.REFUND, "refund R1 of 10.00: FAILED but the wallet refunded 10.00 under that number");
    }

    @Test
    void aRefundNotFinalAfterSettlingIsReported() {
        caught(audit(paid(), List.of(refund("R1", "10.00", RefundState.REQUESTED)), walletPaid()), Subject.REFUND,
                "refund R1 of 10.00: left unsettled");
    }

    @Test
    void aRefundTheEngineDoesNotKnowIsReported() {
        caught(audit(paid(), walletRefunded("R9", "10.00")), Subject.UNKNOWN_TO_ENGINE,
                "the wallet refunded 10.00 under number R9, a refund the engine does not have");
    }

    @Test
    void aRefundedTotalOtherThanTheRefundsIsReported() {
        caught(audit(paidRefunded(Money.parse("20.00")), List.of(refund("R1", "10.00", RefundState.REFUNDED)),
                walletRefunded("R1", "10.00")), Subject.TRADE,
                "the trade's refunded total is 20.00, its refunds add up to 10.00");
    }

    @Test
    void aWalletTradeTheEngineDoesNotKnowIsReported() {
        AlipayTrade stranger = new AlipayTrade("T1OTHER0001", "2026030222000000000000000777", "BAR_CODE", AMOUNT,
                AlipayTrade.Status.TRADE_SUCCESS, AMOUNT, Optional.of("ALIPAYACCOUNT"), 0, Map.of(), Optional.empty());
        EngineLedgerAudit a = new EngineLedgerAudit(List.of(paid()), Map.of(), Map.of(NO, walletPaid(),
                stranger.outTradeNo(), stranger), Map.of(), Map.of(), no -> "history of " + no);
        caught(a, Subject.UNKNOWN_TO_ENGINE, "the wallet has this trade, the engine has none");
        assertEquals("T1OTHER0001", a.violations().get(0).outTradeNo());
    }

    @Test
    void aQrCodeTheWalletIssuedForAnotherTradeIsReported() {
        EngineLedgerAudit a = new EngineLedgerAudit(List.of(reversed()), Map.of(), Map.of(NO, walletClosedUnpaid()),
                Map.of(NO, "https://qr.alipay.com/bax0000000000002"),
                Map.of(NO, "https://qr.alipay.com/bax0000000000001", "T1OTHER0001",
                        "https://qr.alipay.com/bax0000000000002"), no -> "history of " + no);
        caught(a, Subject.QR_CODE, "which the wallet issued for T1OTHER0001; this trade's is "
                + "https://qr.alipay.com/bax0000000000001");
    }
}
