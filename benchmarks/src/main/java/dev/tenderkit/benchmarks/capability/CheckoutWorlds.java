package dev.tenderkit.benchmarks.capability;

import static dev.tenderkit.benchmarks.capability.RealisticPolicy.BANK_ACQUIRER;
import static dev.tenderkit.benchmarks.capability.RealisticPolicy.FUIOU;
import static dev.tenderkit.benchmarks.capability.RealisticPolicy.LAKALA;
import static dev.tenderkit.benchmarks.capability.RealisticPolicy.SHENGFUTONG;

import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.health.TerminalHealth;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.merchant.ReviewStatus;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two checkouts the capability benchmarks resolve, under {@link RealisticPolicy}.
 *
 * <ul>
 *   <li><b>Accepted</b>: a Sunmi P2 Pro on software 3.8.2, certified for every wallet method, with
 *       every peripheral and every setting the policy asks for; a grocery (MCC 5411, under no
 *       restriction) signed with three channels that each offer all 11 methods, with every
 *       qualification approved (some until a date in 2027). At {@link #AMOUNT} every method is
 *       accepted on all three channels with no finding at all.
 *   <li><b>Refused</b>: a Newland N910 on software 2.3.1, below the 2.5.0 its model is certified at
 *       for Huabei; a restaurant (MCC 5812) signed with Lakala (Huabei qualification pending), the
 *       ICBC acquirer (offers no Huabei) and Shengfutong (Huabei approval expired the day before).
 *       Huabei is refused with exactly those four causes.
 * </ul>
 *
 * <p>The clock is fixed five days after the policy was issued, inside its 30-day validity, so no
 * freshness finding appears.
 */
public final class CheckoutWorlds {
    /** The instant every resolution happens at: 10:00 in Beijing, five days into the policy's life. */
    public static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    /** A clock fixed at {@link #NOW}. */
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The amount resolved for: above the installment minimums, below every limit. */
    public static final Money AMOUNT = Money.parse("688.00");
    /** The method the single-method benchmarks resolve. */
    public static final PaymentMethod METHOD = PaymentMethods.ALIPAY_HUABEI;
    /** The accepted terminal's software version. */
    public static final String ACCEPTED_SOFTWARE = "3.8.2";
    /** The refused terminal's software version, below its Huabei minimum. */
    public static final String REFUSED_SOFTWARE = "2.3.1";
    /** The accepted merchant's channels, in order of preference. */
    public static final List<String> ACCEPTED_CHANNELS = List.of(LAKALA, SHENGFUTONG, FUIOU);
    /** The refused merchant's channels, in order of preference. */
    public static final List<String> REFUSED_CHANNELS = List.of(LAKALA, BANK_ACQUIRER, SHENGFUTONG);

    private static final List<String> CREDIT_PRODUCTS = List.of("huabei", "huabei_installment", "wechat_credit");

    private CheckoutWorlds() {
    }

    /**
     * @param policy the platform policy
     * @return a resolver with the built-in rules only (no service-loaded rules), at {@link #CLOCK}
     */
    public static CapabilityResolver resolver(CapabilityPolicy policy) {
        return CapabilityResolver.builder().policy(policy).clock(CLOCK).serviceLoader(false).build();
    }

    /** @return the checkout where every method is accepted without findings */
    public static CheckoutContext accepted() {
        TerminalProfile terminal = new TerminalProfile(RealisticPolicy.CERTIFIED_BRAND,
                RealisticPolicy.CERTIFIED_MODEL, "SN-P2P-000417", SoftwareVersion.parse(ACCEPTED_SOFTWARE),
                EnumSet.allOf(Peripheral.class), EnumSet.of(Connectivity.ETHERNET, Connectivity.WIFI),
                RealisticPolicy.allRequiredSettings());
        List<Qualification> qualifications = new ArrayList<>();
        LocalDate renewal = LocalDate.of(2027, 6, 30);
        for (String channel : ACCEPTED_CHANNELS) {
            for (String product : CREDIT_PRODUCTS) {
                // Approvals on the first channel run until a date; the others do not expire.
                Optional<LocalDate> expires = channel.equals(LAKALA) ? Optional.of(renewal) : Optional.empty();
                qualifications.add(new Qualification(channel, product, ReviewStatus.APPROVED, Optional.empty(),
                        Optional.of(LocalDate.of(2026, 3, 2)), expires));
            }
        }
        MerchantProfile merchant = new MerchantProfile("M-440300-0001", "福田便利店 Futian Grocery", "5411",
                ACCEPTED_CHANNELS, qualifications);
        return new CheckoutContext(terminal, merchant, TerminalHealth.HEALTHY);
    }

    /** @return the checkout where Huabei is refused for outdated software, pending, unsupported and expired */
    public static CheckoutContext refused() {
        TerminalProfile terminal = new TerminalProfile(RealisticPolicy.OUTDATED_BRAND,
                RealisticPolicy.OUTDATED_MODEL, "SN-N910-220981", SoftwareVersion.parse(REFUSED_SOFTWARE),
                EnumSet.of(Peripheral.BARCODE_SCANNER, Peripheral.CARD_READER, Peripheral.NFC_READER,
                        Peripheral.PIN_PAD, Peripheral.RECEIPT_PRINTER),
                Set.of(Connectivity.CELLULAR), RealisticPolicy.allRequiredSettings());
        List<Qualification> qualifications = List.of(
                new Qualification(LAKALA, "huabei", ReviewStatus.PENDING, Optional.empty(),
                        Optional.of(LocalDate.of(2026, 11, 21)), Optional.empty()),
                new Qualification(SHENGFUTONG, "huabei", ReviewStatus.APPROVED, Optional.empty(),
                        Optional.of(LocalDate.of(2025, 11, 10)), Optional.of(LocalDate.of(2026, 11, 24))));
        MerchantProfile merchant = new MerchantProfile("M-310104-0302", "徐汇小馆 Xuhui Bistro", "5812",
                REFUSED_CHANNELS, qualifications);
        return new CheckoutContext(terminal, merchant, TerminalHealth.HEALTHY);
    }
}
