package dev.tenderkit.core.fee;

import static dev.tenderkit.core.fee.FeeFixtures.CARD_INSTALLMENT_12;
import static dev.tenderkit.core.fee.FeeFixtures.priced;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_12;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_3;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_DEBIT_CARD;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties over many random schedules and amounts, with fixed seeds so a failure replays. Each
 * quote is checked against a reference computed independently in decimal yuan with
 * {@link BigDecimal} from the rules as {@link MethodFees} states them.
 *
 * <p><b>What is monotone.</b> For any one schedule, settlement speed, installment share and
 * month-to-date volume, the merchant's fee never decreases as the amount grows: every part is a
 * rounded non-negative rate times a non-decreasing base, or a constant, clamped by constants, and
 * the cut to the amount is {@code min(sum, amount)}. The net is not monotone in general: it is
 * non-decreasing exactly when the fee never grows by more than one fen per fen, which holds when
 * only one rate applies (no surcharge rate, no seller installment share) and there is no waiver.
 * Two rates can each round up at the same fen, and a fixed fee or minimum starts at once where a
 * waiver ends; {@link #netIsNotMonotoneInGeneral()} shows both.
 */
class FeePropertiesTest {
    private static final String CHANNEL = "ch";
    private static final List<PaymentMethod> METHODS = List.of(ALIPAY, WECHAT_PAY, UNIONPAY_DEBIT_CARD,
            HUABEI_INSTALLMENT_3, HUABEI_INSTALLMENT_6, HUABEI_INSTALLMENT_12, CARD_INSTALLMENT_12);

    /** A random schedule for one method, plus the request settings that go with it. */
    private record Scenario(MethodFees fees, FeeRounding rounding, SettlementSpeed speed,
            Optional<InstallmentFeeShare> share, Optional<Money> monthToDate) {

        FeeSchedule schedule() {
            return FeeFixtures.schedule(CHANNEL, rounding, fees);
        }

        QuoteRequest request(long amountFen) {
            QuoteRequest.Builder b = QuoteRequest.builder(fees.method(), Money.ofFen(amountFen)).on(FeeFixtures.DAY)
                    .settlement(speed);
            share.ifPresent(b::installmentShare);
            monthToDate.ifPresent(v -> b.monthToDateVolume(CHANNEL, v));
            return b.build();
        }
    }

    private static Scenario scenario(SplittableRandom random, boolean singleRateNoWaiver) {
        PaymentMethod method = singleRateNoWaiver ? METHODS.get(random.nextInt(3))
                : METHODS.get(random.nextInt(METHODS.size()));
        MethodFees.Builder b = MethodFees.builder(method, FeeRate.ofPpm(ratePpm(random)));
        if (random.nextBoolean()) {
            b.fixed(Money.ofFen(random.nextLong(300)));
        }
        long minimum = -1;
        if (random.nextInt(3) == 0) {
            minimum = random.nextLong(1_000);
            b.minimum(Money.ofFen(minimum));
        }
        if (random.nextInt(3) == 0) {
            b.cap(Money.ofFen(Math.max(1, minimum) + random.nextLong(5_000)));
        }
        SettlementSpeed speed = SettlementSpeed.T1;
        if (random.nextBoolean()) {
            long surchargeRate = singleRateNoWaiver ? 0 : ratePpm(random) / 10;
            b.settlement(SettlementSpeed.D0, new SettlementSurcharge(FeeRate.ofPpm(surchargeRate),
                    Money.ofFen(random.nextLong(200))));
            speed = random.nextBoolean() ? SettlementSpeed.D0 : SettlementSpeed.T1;
        }
        Optional<InstallmentFeeShare> share = Optional.empty();
        if (method.isInstallment()) {
            boolean alipay = method.wallet() == dev.tenderkit.core.method.Wallet.ALIPAY;
            InstallmentFeeShare byDefault = share(random, alipay);
            b.installment(FeeRate.ofPpm(random.nextLong(150_000)), byDefault);
            if (random.nextBoolean()) {
                share = Optional.of(share(random, alipay));
            }
        }
        Optional<Money> monthToDate = Optional.empty();
        if (!singleRateNoWaiver && random.nextBoolean()) {
            long allowance = 1 + random.nextLong(2_000_000);
            b.waiver(Money.ofFen(allowance));
            if (random.nextInt(4) != 0) {
                monthToDate = Optional.of(Money.ofFen(random.nextLong(allowance * 2)));
            }
        }
        FeeRounding rounding = FeeRounding.values()[random.nextInt(FeeRounding.values().length)];
        return new Scenario(b.build(), rounding, speed, share, monthToDate);
    }

    private static InstallmentFeeShare share(SplittableRandom random, boolean alipay) {
        if (alipay) {
            return random.nextBoolean() ? InstallmentFeeShare.SELLER : InstallmentFeeShare.BUYER;
        }
        return InstallmentFeeShare.sellerPercent(random.nextInt(101));
    }

    private static long ratePpm(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong(10_001);              // up to 1%, where real rates live
            case 1 -> random.nextLong(100_001);             // up to 10%
            case 2 -> random.nextLong(1_000_001);           // anything to 100%
            default -> new long[] {0, 2_500, 3_800, 6_000, 1_000_000}[random.nextInt(5)];
        };
    }

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    private static long amountFen(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextLong(1_000);                   // up to 10.00
            case 1 -> 1 + random.nextLong(10_000_000);              // up to 100,000.00
            case 2 -> 1 + random.nextLong(Money.MAX_FEN);           // anything
            default -> Math.min(Money.MAX_FEN, POWERS_OF_TEN[random.nextInt(POWERS_OF_TEN.length)] + random.nextLong(3));
        };
    }

    /** The reference: the same rules, written again in decimal yuan. */
    private record Reference(BigDecimal waived, BigDecimal percentage, BigDecimal processing, BigDecimal surcharge,
            BigDecimal installment, BigDecimal seller, BigDecimal buyer, BigDecimal fee, BigDecimal net) {

        static Reference of(Scenario s, long amountFen) {
            RoundingMode mode = RoundingMode.valueOf(s.rounding().name());
            MethodFees f = s.fees();
            BigDecimal amount = BigDecimal.valueOf(amountFen, 2);
            BigDecimal waived = BigDecimal.ZERO.setScale(2);
            if (f.waiver().isPresent() && s.monthToDate().isPresent()) {
                BigDecimal left = yuan(f.waiver().get().monthlyVolume()).subtract(yuan(s.monthToDate().get()))
                        .max(BigDecimal.ZERO);
                waived = left.min(amount);
            }
            BigDecimal chargeable = amount.subtract(waived);
            BigDecimal percentage = chargeable.multiply(fraction(f.rate())).setScale(2, mode);
            BigDecimal processing = BigDecimal.ZERO.setScale(2);
            if (chargeable.signum() > 0) {
                processing = percentage.add(yuan(f.fixed()));
                if (f.minimum().isPresent()) {
                    processing = processing.max(yuan(f.minimum().get()));
                }
                if (f.cap().isPresent()) {
                    processing = processing.min(yuan(f.cap().get()));
                }
            }
            SettlementSurcharge sur = f.settlement().get(s.speed());
            BigDecimal surcharge = amount.multiply(fraction(sur.rate())).setScale(2, mode).add(yuan(sur.fixed()));
            BigDecimal installment = BigDecimal.ZERO.setScale(2);
            BigDecimal seller = installment;
            if (f.installment().isPresent()) {
                int percent = s.share().orElse(f.installment().get().defaultShare()).sellerPercent();
                installment = amount.multiply(fraction(f.installment().get().rate())).setScale(2, mode);
                seller = installment.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, mode);
            }
            BigDecimal buyer = installment.subtract(seller);
            // cut in order so the fee never exceeds the amount
            BigDecimal left = amount;
            BigDecimal p = processing.min(left);
            left = left.subtract(p);
            BigDecimal sc = surcharge.min(left);
            left = left.subtract(sc);
            BigDecimal sl = seller.min(left);
            BigDecimal fee = p.add(sc).add(sl);
            return new Reference(waived, percentage, p, sc, installment, sl, buyer, fee, amount.subtract(fee));
        }

        private static BigDecimal yuan(Money m) {
            return BigDecimal.valueOf(m.fen(), 2);
        }

        private static BigDecimal fraction(FeeRate r) {
            return new BigDecimal(r.toPercentString().replace("%", "")).movePointLeft(2);
        }
    }

    private static BigDecimal yuan(Money m) {
        return BigDecimal.valueOf(m.fen(), 2);
    }

    @Test
    void quotesEqualTheDecimalReferenceAndKeepTheirInvariants() {
        SplittableRandom random = new SplittableRandom(20261125);
        int quotes = 0;
        for (int i = 0; i < 3_000; i++) {
            Scenario s = scenario(random, false);
            FeeSchedule schedule = s.schedule();
            for (int j = 0; j < 20; j++) {
                long amount = amountFen(random);
                FeeQuote q = priced(schedule.quote(CHANNEL, s.request(amount)));
                Reference ref = Reference.of(s, amount);
                String what = s + " amount " + Money.ofFen(amount);
                assertEquals(0, ref.waived().compareTo(yuan(q.waivedAmount())), "waived " + what);
                assertEquals(0, ref.percentage().compareTo(yuan(q.percentageFee())), "percentage " + what);
                assertEquals(0, ref.processing().compareTo(yuan(q.processingFee())), "processing " + what);
                assertEquals(0, ref.surcharge().compareTo(yuan(q.settlementSurcharge())), "surcharge " + what);
                assertEquals(0, ref.installment().compareTo(yuan(q.installmentFee())), "installment " + what);
                assertEquals(0, ref.seller().compareTo(yuan(q.sellerInstallmentFee())), "seller " + what);
                assertEquals(0, ref.buyer().compareTo(yuan(q.buyerInstallmentFee())), "buyer " + what);
                assertEquals(0, ref.fee().compareTo(yuan(q.merchantFee())), "fee " + what);
                assertEquals(0, ref.net().compareTo(yuan(q.net())), "net " + what);

                // fee + net == gross, and the fee is never above the amount
                assertEquals(amount, q.merchantFee().fen() + q.net().fen(), what);
                assertTrue(q.merchantFee().fen() <= amount, what);
                // the processing fee within [minimum, cap], unless wholly waived or cut to the amount
                MethodFees f = s.fees();
                long processing = q.processingFee().fen();
                f.cap().ifPresent(cap -> assertTrue(processing <= cap.fen(), "cap " + what));
                boolean whollyWaived = q.waivedAmount().fen() == amount;
                if (whollyWaived) {
                    assertEquals(0, processing, what);
                } else if (!q.limitedToAmount()) {
                    f.minimum().ifPresent(min -> assertTrue(processing >= min.fen(), "minimum " + what));
                } else {
                    assertEquals(amount, q.merchantFee().fen(), "cut to the amount " + what);
                }
                quotes++;
            }
        }
        assertEquals(60_000, quotes);
    }

    @Test
    void theFeeNeverDecreasesAsTheAmountGrows() {
        SplittableRandom random = new SplittableRandom(88);
        for (int i = 0; i < 2_000; i++) {
            Scenario s = scenario(random, false);
            FeeSchedule schedule = s.schedule();
            // a walk fen by fen across the interesting region, then random jumps
            long start = 1 + random.nextLong(200_000);
            long previous = -1;
            for (long amount = start; amount < start + 300; amount++) {
                long fee = priced(schedule.quote(CHANNEL, s.request(amount))).merchantFee().fen();
                assertTrue(fee >= previous, s + " at " + Money.ofFen(amount) + ": " + fee + " < " + previous);
                previous = fee;
            }
            long a = amountFen(random);
            long b = amountFen(random);
            long lo = Math.min(a, b);
            long hi = Math.max(a, b);
            assertTrue(priced(schedule.quote(CHANNEL, s.request(lo))).merchantFee().fen()
                    <= priced(schedule.quote(CHANNEL, s.request(hi))).merchantFee().fen(), s + " " + lo + " " + hi);
        }
    }

    @Test
    void withOneRateAndNoWaiverTheNetNeverDecreasesEither() {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 2_000; i++) {
            Scenario s = scenario(random, true);
            FeeSchedule schedule = s.schedule();
            long start = 1 + random.nextLong(2_000_000);
            long previous = -1;
            for (long amount = start; amount < start + 300; amount++) {
                long net = priced(schedule.quote(CHANNEL, s.request(amount))).net().fen();
                assertTrue(net >= previous, s + " at " + Money.ofFen(amount));
                previous = net;
            }
        }
    }

    @Test
    void netIsNotMonotoneInGeneral() {
        // two rates (0.5% processing, 0.5% surcharge) both reach half a fen at 1.00: the fee jumps 2 fen
        MethodFees twoRates = MethodFees.builder(ALIPAY, FeeRate.parse("0.5%"))
                .settlement(SettlementSpeed.D0, SettlementSurcharge.ofRate(FeeRate.parse("0.5%"))).build();
        FeeSchedule s = FeeFixtures.schedule(twoRates);
        assertEquals(yuan("0.99"), netOf(s, "0.99", SettlementSpeed.D0, Optional.empty()));
        assertEquals(yuan("0.98"), netOf(s, "1.00", SettlementSpeed.D0, Optional.empty()));
        // a fixed fee starts where the waiver ends
        MethodFees waived = MethodFees.builder(ALIPAY, FeeRate.parse("0.38%")).fixed(Money.parse("0.10"))
                .waiver(Money.parse("100.00")).build();
        FeeSchedule w = FeeFixtures.schedule(waived);
        assertEquals(yuan("100.00"), netOf(w, "100.00", SettlementSpeed.T1, Optional.of(Money.ZERO)));
        assertEquals(yuan("99.91"), netOf(w, "100.01", SettlementSpeed.T1, Optional.of(Money.ZERO)));
    }

    private static BigDecimal yuan(String text) {
        return new BigDecimal(text);
    }

    private static BigDecimal netOf(FeeSchedule s, String amount, SettlementSpeed speed, Optional<Money> mtd) {
        QuoteRequest.Builder b = FeeFixtures.request(ALIPAY, amount).settlement(speed);
        mtd.ifPresent(v -> b.monthToDateVolume(CHANNEL, v));
        return yuan(priced(s.quote(CHANNEL, b.build())).net());
    }
}
