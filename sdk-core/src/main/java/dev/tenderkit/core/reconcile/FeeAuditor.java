package dev.tenderkit.core.reconcile;

import dev.tenderkit.core.fee.FeeQuote;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.fee.FeeRounding;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.MethodFees;
import dev.tenderkit.core.fee.QuoteOutcome;
import dev.tenderkit.core.fee.QuoteRequest;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethodRegistry;
import dev.tenderkit.core.payment.TradeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a matched payment's billed fee with the contract: the schedule version in effect on the payment's
 * business day prices it, and the bill's fee, rounded to the fen as that version rounds, must equal the contract's
 * fee, and a rate the bill states must equal the contract's rate. A bill that states fees finer than a fen (WeChat
 * Pay's five decimals) is thus never flagged for a rounding the contract itself does.
 */
final class FeeAuditor {
    private final FeeSchedule schedule;
    private final PaymentMethodRegistry methods;
    private final List<FeeDiscrepancy> discrepancies = new ArrayList<>();
    private long audited;
    private long notAudited;
    private long billedMilliFen;
    private long contractedMilliFen;

    FeeAuditor(FeeSchedule schedule, PaymentMethodRegistry methods) {
        this.schedule = schedule;
        this.methods = methods;
    }

    void audit(TradeRecord trade, BillEntry row) {
        Optional<PaymentMethod> method = methods.find(trade.methodId());
        if (row.fee().isEmpty() || method.isEmpty()) {
            notAudited++;
            return;
        }
        QuoteRequest request = QuoteRequest.builder(method.get(), trade.amount())
                .at(trade.progress().payment().orElseThrow().paidAt()).build();
        QuoteOutcome outcome = schedule.quote(trade.channelId(), request);
        if (!(outcome instanceof FeeQuote quote)) {
            notAudited++;
            return;
        }
        BilledFee billed = row.fee().get();
        long contracted = quote.merchantFee().fen() * BilledFee.MILLI_FEN_PER_FEN;
        FeeRate contractedRate = quote.version().feesFor(method.get()).map(MethodFees::rate).orElse(FeeRate.ZERO);
        audited++;
        billedMilliFen += billed.milliFen();
        contractedMilliFen += contracted;
        long billedFen = roundToFen(billed.milliFen(), quote.version().rounding());
        boolean rateDiffers = billed.rate().isPresent() && !billed.rate().get().equals(contractedRate);
        if (billedFen != quote.merchantFee().fen() || rateDiffers) {
            discrepancies.add(new FeeDiscrepancy(trade.outTradeNo(), trade.channelId(), trade.methodId(),
                    trade.amount(), quote.versionId(), contractedRate, quote.merchantFee(), billed,
                    billed.rate().or(() -> derivedRate(billed.milliFen(), trade.amount().fen())),
                    billed.milliFen() - contracted, row.line()));
        }
    }

    /** Rounds a non-negative fee in milli-fen to the fen as the contract rounds; a returned (negative) fee as its magnitude. */
    static long roundToFen(long milliFen, FeeRounding rounding) {
        long abs = Math.abs(milliFen);
        long fen = abs / BilledFee.MILLI_FEN_PER_FEN;
        long rest = abs % BilledFee.MILLI_FEN_PER_FEN;
        boolean up = switch (rounding) {
            case HALF_UP -> rest * 2 >= BilledFee.MILLI_FEN_PER_FEN;
            case HALF_EVEN -> rest * 2 > BilledFee.MILLI_FEN_PER_FEN
                    || rest * 2 == BilledFee.MILLI_FEN_PER_FEN && (fen & 1) == 1;
            case UP -> rest > 0;
            case DOWN -> false;
        };
        long rounded = up ? fen + 1 : fen;
        return milliFen < 0 ? -rounded : rounded;
    }

    /** The fee as a rate of the amount, to the ppm, for a bill that states no rate (Alipay's). */
    private static Optional<FeeRate> derivedRate(long milliFen, long amountFen) {
        if (amountFen <= 0 || milliFen < 0) {
            return Optional.empty();
        }
        long ppm = (milliFen * 1000 + amountFen / 2) / amountFen;
        return ppm <= FeeRate.PPM_PER_WHOLE ? Optional.of(FeeRate.ofPpm(ppm)) : Optional.empty();
    }

    FeeAudit result() {
        return new FeeAudit(audited, notAudited, billedMilliFen, contractedMilliFen, discrepancies);
    }
}
