package dev.tenderkit.wechat;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.Payment;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a paid trade out of a bound answer: the wallet's {@code transaction_id}, {@code amount.total}
 * in fen, WeChat's {@code success_time} (the business day the fee is priced on; our clock only when
 * absent or unreadable), and the funding as WeChat reports it in {@code bank_type}: a
 * {@code …_CREDIT} bank type is a credit card (credit); {@code OTHERS} (零钱), {@code …_DEBIT} and the
 * balance types are not; no {@code bank_type} is {@link FundingSource#UNSPECIFIED}. WeChat Pay's
 * APIv3 answer has no field for 分付 (wechatpay.md §6), so it is not guessed. Stateless.
 */
final class TradeReading {
    private final Clock clock;

    TradeReading(Clock clock) {
        this.clock = clock;
    }

    /** @param body a bound paid answer (see {@link AnswerBinding#paid}) @return the payment */
    Payment payment(JsonObject body) {
        Money amount = Money.ofFen(body.object("amount").number("total").orElseThrow());
        Instant paidAt = body.string("success_time").flatMap(TradeReading::time).orElse(clock.instant());
        return new Payment(body.string("transaction_id").orElseThrow(), amount, funding(body.string("bank_type")),
                paidAt);
    }

    static FundingSource funding(Optional<String> bankType) {
        if (bankType.isEmpty() || bankType.get().isBlank()) {
            return FundingSource.UNSPECIFIED;
        }
        String b = bankType.get().toUpperCase(Locale.ROOT);
        return new FundingSource(bankType.get(), b.endsWith("_CREDIT"), 0);
    }

    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
