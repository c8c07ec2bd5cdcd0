package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.money.Money;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An answer counts only for the request it answers: its identities equal what was asked, it has its
 * own method's shape, and it carries nothing of another method's answer (a signed answer of another
 * method can be renamed into this one, since Alipay signs the member's content, not its name).
 */
class AnswerBindingTest {
    private static final Money AMOUNT = Money.parse("88.00");
    private static final String PAID = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120222001\","
            + "\"out_trade_no\":\"T1\",\"total_amount\":\"88.00\",\"gmt_payment\":\"2026-12-02 10:00:00\"}";
    private static final String QUERY_WAITING = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120222001\","
            + "\"out_trade_no\":\"T1\",\"trade_status\":\"WAIT_BUYER_PAY\",\"total_amount\":\"88.00\"}";
    private static final String CANCEL = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120222001\","
            + "\"out_trade_no\":\"T1\",\"retry_flag\":\"N\",\"action\":\"close\"}";

    private static AlipayReply reply(String json) {
        return AlipayReply.parse(json);
    }

    private static void unbound(Optional<String> why, String expectedPart) {
        assertTrue(why.isPresent(), "expected the answer to be refused as unbound");
        assertTrue(why.get().contains(expectedPart), why.get());
    }

    @Test
    void aPaidAnswerCountsOnlyForItsOwnTradeAndAmount() {
        assertEquals(Optional.empty(), AnswerBinding.paid(reply(PAID), "T1", AMOUNT));
        unbound(AnswerBinding.paid(reply(PAID), "T2", AMOUNT), "about trade T1, not T2");
        unbound(AnswerBinding.paid(reply(PAID), "T1", Money.parse("8.80")), "not the 8.80 asked");
    }

    @Test
    void aPaidAnswerWithoutAWellFormedAmountOrTradeNumberIsNotAPayment() {
        unbound(AnswerBinding.paid(reply(PAID.replace("\"88.00\"", "\"88.000\"")), "T1", AMOUNT), "is not an amount");
        unbound(AnswerBinding.paid(reply(PAID.replace(",\"total_amount\":\"88.00\"", "")), "T1", AMOUNT),
                "lacks total_amount");
        unbound(AnswerBinding.paid(reply(PAID.replace("\"trade_no\":\"2026120222001\",", "")), "T1", AMOUNT),
                "lacks trade_no");
        unbound(AnswerBinding.paid(reply(PAID.replace("\"out_trade_no\":\"T1\",", "")), "T1", AMOUNT),
                "no out_trade_no");
    }

    @Test
    void aQueryAnswerRenamedIntoAPayAnswerIsNotAPayment() {
        // code 10000, the right trade and amount: only trade_status gives it away
        unbound(AnswerBinding.paid(reply(QUERY_WAITING), "T1", AMOUNT), "trade_status");
    }

    @Test
    void aWaitingQueryRenamedIntoACancelOrACloseIsNotAReversal() {
        unbound(AnswerBinding.cancelled(reply(QUERY_WAITING), "T1"), "action");
        unbound(AnswerBinding.closed(reply(QUERY_WAITING), "T1"), "trade_status");
    }

    @Test
    void aCancelAnswerCountsOnlyForItsTradeAndMustSayWhatItDid() {
        assertEquals(Optional.empty(), AnswerBinding.cancelled(reply(CANCEL), "T1"));
        unbound(AnswerBinding.cancelled(reply(CANCEL), "T9"), "not T9");
        unbound(AnswerBinding.cancelled(reply(CANCEL.replace(",\"action\":\"close\"", "")), "T1"), "action");
        String refunded = CANCEL.replace("\"close\"", "\"refund\"").replace("}", ",\"gmt_refund_pay\":\"2026-12-02 10:00:00\"}");
        assertEquals(Optional.empty(), AnswerBinding.cancelled(reply(refunded), "T1"), "a refunding cancel is a cancel");
    }

    @Test
    void aPayAnswerRenamedIntoACloseOrAQueryIsRefused() {
        unbound(AnswerBinding.closed(reply(PAID), "T1"), "gmt_payment");
        unbound(AnswerBinding.queried(reply(PAID), "T1"), "trade_status");
        unbound(AnswerBinding.queried(reply(CANCEL), "T1"), "trade_status");
    }

    @Test
    void aPrecreateAnswerIsNotAPaymentAndNeedsItsCode() {
        String qr = "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"T1\",\"qr_code\":\"https://qr.alipay.com/x\"}";
        assertEquals(Optional.empty(), AnswerBinding.precreated(reply(qr), "T1"));
        unbound(AnswerBinding.precreated(reply(qr), "T2"), "not T2");
        unbound(AnswerBinding.paid(reply(qr), "T1", AMOUNT), "lacks");
        unbound(AnswerBinding.precreated(reply(CANCEL), "T1"), "qr_code");
    }

    @Test
    void aRefundAnswerIsBoundToItsTradeOnlyAndARefundQueryToItsRequestAndAmount() {
        String refund = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120222001\",\"out_trade_no\":\"T1\","
                + "\"fund_change\":\"Y\",\"refund_fee\":\"30.00\",\"gmt_refund_pay\":\"2026-12-02 10:00:00\"}";
        assertEquals(Optional.empty(), AnswerBinding.refundAccepted(reply(refund), "T1", "R2"),
                "the refund answer names no request: accepted, to be confirmed by the query");
        unbound(AnswerBinding.refundAccepted(reply(refund), "T2", "R1"), "not T2");
        unbound(AnswerBinding.refundAccepted(reply(QUERY_WAITING), "T1", "R1"), "trade_status");

        String found = "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"T1\",\"out_request_no\":\"R1\","
                + "\"total_amount\":\"88.00\",\"refund_amount\":\"30.00\",\"refund_status\":\"REFUND_SUCCESS\"}";
        assertEquals(Optional.empty(), AnswerBinding.refundFound(reply(found), "T1", "R1"));
        unbound(AnswerBinding.refundFound(reply(found), "T1", "R2"), "out_request_no is R1, not R2");
        unbound(AnswerBinding.refundFound(reply(found), "T2", "R1"), "not T2");
        unbound(AnswerBinding.refundFound(reply(found.replace("\"30.00\"", "\"30.000\"")), "T1", "R1"), "not an amount");
        unbound(AnswerBinding.refundFound(reply(found.replace("\"out_request_no\":\"R1\",", "")), "T1", "R1"),
                "lacks out_request_no");
        unbound(AnswerBinding.refundQueried(reply(refund), "T1", "R1"), "fund_change");
    }

    @Test
    void aRefusalNamingAnotherTradeIsNotARefusalOfThisOne() {
        String refusal = "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_HAS_CLOSE\","
                + "\"sub_msg\":\"交易已经关闭\",\"out_trade_no\":\"T1\"}";
        assertEquals(Optional.empty(), AnswerBinding.trade(reply(refusal), "T1"));
        unbound(AnswerBinding.trade(reply(refusal), "T2"), "not T2");
        String anonymous = "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\"}";
        assertEquals(Optional.empty(), AnswerBinding.trade(reply(anonymous), "T2"),
                "a refusal naming no trade passes here; the engine never takes it for final without a bound answer");
    }
}
