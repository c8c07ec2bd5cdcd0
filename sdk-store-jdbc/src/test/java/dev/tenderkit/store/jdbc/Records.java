package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.RefundState;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import java.time.Instant;
import java.util.Optional;

/** Trade and refund records for the store tests, with every optional field exercised somewhere. */
final class Records {
    static final Instant T0 = Instant.parse("2026-11-25T02:00:00.123456789Z");

    private Records() {
    }

    static TradeRecord created(String outTradeNo, String orderId, int attempt, Instant at) {
        return TradeRecord.created(new TradeIntent(outTradeNo, orderId, attempt, TradeKind.BARCODE, "lakala", "alipay",
                "alipay_huabei_installment", Money.parse("88.00"), "goods 商品", Optional.of(new InstallmentPlan(6,
                        FeeBearer.BUYER)), "2812**********3456", Optional.of("digest-" + outTradeNo), at,
                at.plusSeconds(60)));
    }

    static TradeRecord paid(TradeRecord t) {
        return t.next(t.updatedAt().plusMillis(3), c -> c.problem("user paying").paid(new Payment("2026112522001",
                t.amount(), new FundingSource("PCREDIT", true, 6), t.createdAt().plusSeconds(3)),
                Optional.of(Money.parse("0.53"))));
    }

    static TradeRecord failed(TradeRecord t) {
        return t.failed(new GatewayError(Cause.BUYER_INSUFFICIENT_FUNDS, new GatewayCode("40004",
                Optional.of("ACQ.BUYER_BALANCE_NOT_ENOUGH"), "余额不足")), t.updatedAt().plusMillis(5));
    }

    static RefundRecord refund(String outTradeNo, String no, Instant at) {
        return new RefundRecord(outTradeNo, no, Money.parse("20.00"), "return", RefundState.REQUESTED, at, at,
                Optional.empty(), Optional.empty(), 0, Optional.empty(), 0);
    }
}
