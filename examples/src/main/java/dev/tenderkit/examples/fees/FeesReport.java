package dev.tenderkit.examples.fees;

import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.CheckoutDescription;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.fee.ExcludedChannel;
import dev.tenderkit.core.fee.FeeQuote;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.InstallmentFeeShare;
import dev.tenderkit.core.fee.LeastCostRouter;
import dev.tenderkit.core.fee.MethodFees;
import dev.tenderkit.core.fee.NotPriced;
import dev.tenderkit.core.fee.NotRoutable;
import dev.tenderkit.core.fee.QuoteOutcome;
import dev.tenderkit.core.fee.QuoteRequest;
import dev.tenderkit.core.fee.RankedChannel;
import dev.tenderkit.core.fee.RouteDecision;
import dev.tenderkit.core.fee.Routed;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Prints, per payment: each channel's quote with its components, the ranking, and every exclusion explained. */
final class FeesReport {
    /** The sample merchant's Alipay volume this month on the channel with a waiver. */
    private static final String WAIVER_CHANNEL = "shengfutong";
    private static final Money WAIVER_MONTH_TO_DATE = Money.parse("4950.00");

    private final PrintStream out;

    FeesReport(PrintStream out) {
        this.out = out;
    }

    private record Case(String label, QuoteRequest request) {
    }

    void print(CapabilityPolicy policy, FeeSchedule schedule, LeastCostRouter router, CheckoutDescription checkout,
            Instant now) {
        CheckoutContext context = checkout.context();
        MerchantProfile merchant = context.merchant();
        LocalDate day = QuoteRequest.businessDateOf(now);
        Money amount = checkout.amount().orElse(Money.parse("88.00"));
        Money installmentAmount = Money.parse("888.00");

        out.println("TenderKit fees — what a payment costs on each channel, and which channel to use");
        out.println("policy " + policy.version() + (policy.isSample() ? " [SAMPLE]" : "") + "; fee schedule "
                + schedule.id() + (schedule.isSample() ? "  [SAMPLE DATA — not real commercial terms]" : ""));
        out.println("terminal " + context.terminal().displayName() + " software " + context.terminal().softwareVersion()
                + "; merchant " + merchant.id() + " " + merchant.name() + ", channels in order of preference: "
                + String.join(", ", merchant.channelIds()));
        out.println("business day " + day + " (UTC+8); Alipay volume this month on " + WAIVER_CHANNEL + ": "
                + WAIVER_MONTH_TO_DATE);

        List<Case> cases = new ArrayList<>();
        cases.add(new Case(amount + " by Alipay", QuoteRequest.builder(PaymentMethods.ALIPAY, amount).on(day)
                .monthToDateVolume(WAIVER_CHANNEL, WAIVER_MONTH_TO_DATE).build()));
        cases.add(new Case(amount + " by Huabei", QuoteRequest.builder(PaymentMethods.ALIPAY_HUABEI, amount).on(day)
                .build()));
        cases.add(new Case(amount + " by Huabei in 6 installments, the seller bearing the installment fee",
                QuoteRequest.builder(PaymentMethods.HUABEI_INSTALLMENT_6, amount).on(day)
                        .installmentShare(InstallmentFeeShare.SELLER).build()));
        cases.add(new Case(amount + " by UnionPay debit card", QuoteRequest
                .builder(PaymentMethods.UNIONPAY_DEBIT_CARD, amount).on(day).build()));
        cases.add(new Case(installmentAmount + " by Huabei in 6 installments, the seller bearing the installment fee "
                + "(above the installment minimum)", QuoteRequest.builder(PaymentMethods.HUABEI_INSTALLMENT_6,
                        installmentAmount).on(day).installmentShare(InstallmentFeeShare.SELLER).build()));

        int routed = 0;
        int n = 0;
        for (Case c : cases) {
            n++;
            out.println();
            out.println("━━ " + n + "/" + cases.size() + "  " + c.label() + " (" + c.request().method().id() + ", "
                    + c.request().settlement() + " settlement)");
            printQuotes(schedule, merchant, c.request());
            RouteDecision decision = router.route(context, c.request());
            printRanking(decision);
            printExclusions(decision);
            if (decision instanceof Routed r) {
                routed++;
                FeeQuote q = r.chosen().quote();
                out.println("   → route via " + q.channelId() + ": merchant fee " + q.merchantFee() + ", net "
                        + q.net() + (q.buyerInstallmentFee().isZero() ? "" : ", buyer pays " + q.buyerTotal()));
            } else if (decision instanceof NotRoutable nr) {
                out.println("   → not routable (" + nr.reason() + "): no channel can take it; see the reasons above");
            }
        }
        printRateChange(schedule, merchant, amount, day);
        out.println();
        out.println("routed " + routed + " of " + cases.size() + " payment(s); every excluded channel explained");
    }

    private void printQuotes(FeeSchedule schedule, MerchantProfile merchant, QuoteRequest request) {
        out.println("   what each channel's fee schedule says (before capability):");
        for (String channelId : merchant.channelIds()) {
            QuoteOutcome outcome = schedule.quote(channelId, request);
            if (outcome instanceof FeeQuote q) {
                out.printf("     %-14s %-22s fee %8s  net %9s%n", channelId, q.versionId(), q.merchantFee(), q.net());
                for (String line : components(q)) {
                    out.println("                    " + line);
                }
            } else if (outcome instanceof NotPriced np) {
                out.printf("     %-14s not priced (%s)%n", channelId, np.reason());
            }
        }
    }

    private static List<String> components(FeeQuote q) {
        MethodFees fees = q.version().feesFor(q.method()).orElseThrow();
        List<String> lines = new ArrayList<>();
        Money chargeable = q.amount().minus(q.waivedAmount());
        StringBuilder processing = new StringBuilder("processing ").append(q.processingFee()).append(" = ")
                .append(fees.rate()).append(" × ").append(chargeable).append(" → ").append(q.percentageFee());
        if (!q.fixedFee().isZero()) {
            processing.append(" + fixed ").append(q.fixedFee());
        }
        if (q.minimumApplied()) {
            processing.append(", raised to the minimum ").append(fees.minimum().orElseThrow());
        }
        if (q.capApplied()) {
            processing.append(", capped at ").append(fees.cap().orElseThrow());
        }
        if (!q.waivedAmount().isZero()) {
            processing.append(" (").append(q.waivedAmount()).append(" waived by the monthly allowance of ")
                    .append(fees.waiver().orElseThrow().monthlyVolume()).append(")");
        }
        lines.add(processing.toString());
        if (!q.settlementSurcharge().isZero()) {
            lines.add(q.settlement() + " settlement surcharge " + q.settlementSurcharge());
        }
        q.installmentShare().ifPresent(share -> lines.add("installment fee " + q.installmentFee() + " = "
                + fees.installment().orElseThrow().rate() + " × " + q.amount() + ", borne " + share + ": merchant "
                + q.sellerInstallmentFee() + ", buyer " + q.buyerInstallmentFee()));
        if (q.limitedToAmount()) {
            lines.add("cut so the fee does not exceed the amount");
        }
        return lines;
    }

    private void printRanking(RouteDecision decision) {
        if (decision.ranked().isEmpty()) {
            out.println("   ranking: no channel can take it");
            return;
        }
        out.println("   ranking (cheapest for the merchant first; ties: buyer's fee, then merchant's preference):");
        for (RankedChannel r : decision.ranked()) {
            FeeQuote q = r.quote();
            out.printf("     %d. %-14s fee %8s  net %9s%s%n", r.rank(), r.channelId(), q.merchantFee(), q.net(),
                    q.buyerInstallmentFee().isZero() ? "" : "  buyer's installment fee " + q.buyerInstallmentFee());
        }
    }

    private void printExclusions(RouteDecision decision) {
        if (decision.excluded().isEmpty()) {
            return;
        }
        out.println("   excluded:");
        for (ExcludedChannel e : decision.excluded()) {
            out.println("     " + e.channelId());
            for (Finding f : e.findings()) {
                out.println("       - " + f.cause().code() + (f.channelId().isEmpty() ? " (every channel)" : "") + ": "
                        + f.message().en());
                out.println("         " + f.message().zh());
                out.println("         remedy " + f.remedy().code() + ": " + f.remedy().text().en());
            }
            e.notPriced().ifPresent(np -> {
                out.println("       - NO_FEE_TERMS (" + np.reason() + "): " + np.message().en());
                out.println("         " + np.message().zh());
                out.println("         remedy " + np.remedy().code() + ": " + np.remedy().text().en());
            });
        }
    }

    /** Shows that an announced rate change prices next month's payments, not today's. */
    private void printRateChange(FeeSchedule schedule, MerchantProfile merchant, Money amount, LocalDate day) {
        LocalDate nextMonth = day.withDayOfMonth(1).plusMonths(1);
        PaymentMethod alipay = PaymentMethods.ALIPAY;
        for (String channelId : merchant.channelIds()) {
            QuoteOutcome today = schedule.quote(channelId, QuoteRequest.builder(alipay, amount).on(day).build());
            QuoteOutcome later = schedule.quote(channelId, QuoteRequest.builder(alipay, amount).on(nextMonth).build());
            if (today instanceof FeeQuote t && later instanceof FeeQuote l && !t.versionId().equals(l.versionId())) {
                out.println();
                out.println("effective dates: " + amount + " by Alipay on " + channelId + " costs " + t.merchantFee()
                        + " on " + day + " (" + t.versionId() + ") and " + l.merchantFee() + " from " + nextMonth
                        + " (" + l.versionId() + "): an announced change prices next month's payments, not today's");
            }
        }
    }
}
