package dev.tenderkit.examples.fees;

import dev.tenderkit.examples.ExampleInput;
import dev.tenderkit.examples.ExampleOptions;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityPolicyReader;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutDescription;
import dev.tenderkit.core.capability.CheckoutDescriptionReader;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.FeeScheduleReader;
import dev.tenderkit.core.fee.LeastCostRouter;
import dev.tenderkit.core.method.PaymentMethods;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fees and least-cost routing: what 88.00 costs by Alipay, by Huabei, by Huabei in 6 installments
 * with the seller bearing the installment fee, and by a debit card, on each of a merchant's
 * channels; which channel to use; and why each other channel was left out.
 *
 * <pre>
 * fees                                  the bundled SAMPLE policy, schedule and checkout
 * fees --schedule my-fees.json          your own fee schedule (tenderkit.fee-schedule/1)
 * fees --policy policy.json             your own platform policy
 * fees --checkout checkout.json         your own terminal and merchant (tenderkit.checkout-description/1)
 * fees --now 2026-12-01T10:00+08:00     price and resolve as of that time (default: now; the bundled
 *                                       samples default to their sample date)
 * </pre>
 *
 * Exit status: 0 on success, 2 on bad input (the message names file, field, line and column).
 */
public final class FeesExample {
    static final String SAMPLE_POLICY = "/samples/capability-policy.sample.json";
    static final String SAMPLE_SCHEDULE = "/samples/fee-schedule.sample.json";
    static final String SAMPLE_CHECKOUT = "/samples/fees-checkout.sample.json";
    /** The bundled samples are dated; pricing them as of this instant keeps the output stable. */
    static final OffsetDateTime SAMPLE_NOW = OffsetDateTime.parse("2026-11-25T10:00:00+08:00");
    private static final String POLICY_FILE = "a capability policy file (tenderkit.capability-policy/1) such as policy.json";
    private static final String SCHEDULE_FILE = "a fee schedule file (tenderkit.fee-schedule/1) such as my-fees.json";
    private static final String CHECKOUT_FILE = "a checkout description file (tenderkit.checkout-description/1) such as"
            + " checkout.json";

    private FeesExample() {
    }

    /** @param args see the class documentation */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** The command line, parsed. */
    private record Options(Path policy, Path schedule, Path checkout, OffsetDateTime now, boolean help) {
        static Options parse(String[] args) {
            Path policy = null;
            Path schedule = null;
            Path checkout = null;
            OffsetDateTime now = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--policy" -> policy = file(args, ++i, "--policy", POLICY_FILE);
                    case "--schedule" -> schedule = file(args, ++i, "--schedule", SCHEDULE_FILE);
                    case "--checkout" -> checkout = file(args, ++i, "--checkout", CHECKOUT_FILE);
                    case "--now" -> now = ExampleOptions.dateTime("--now",
                            ExampleOptions.value(args, ++i, "--now", ExampleOptions.DATE_TIME));
                    case "-h", "--help" -> {
                        return new Options(null, null, null, null, true);
                    }
                    default -> throw new IllegalArgumentException("unexpected argument \"" + args[i] + "\"; see --help");
                }
            }
            if (now == null && policy == null && schedule == null && checkout == null) {
                now = SAMPLE_NOW;
            }
            return new Options(policy, schedule, checkout, now, false);
        }
    }

    /** Runs the example; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("fees: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println("usage: fees [--schedule FEES.json] [--policy POLICY.json] [--checkout CHECKOUT.json] "
                    + "[--now ISO-DATE-TIME]");
            return 0;
        }
        try {
            CapabilityPolicyReader policyReader = new CapabilityPolicyReader(PaymentMethods.standardRegistry());
            CapabilityPolicy policy = ExampleInput.load(options.policy(), SAMPLE_POLICY, policyReader::read);
            FeeScheduleReader scheduleReader = new FeeScheduleReader(PaymentMethods.standardRegistry());
            FeeSchedule schedule = ExampleInput.load(options.schedule(), SAMPLE_SCHEDULE, scheduleReader::read);
            CheckoutDescriptionReader checkoutReader = new CheckoutDescriptionReader();
            CheckoutDescription checkout = ExampleInput.load(options.checkout(), SAMPLE_CHECKOUT, checkoutReader::read).get(0);

            Clock clock = options.now() == null ? Clock.systemUTC()
                    : Clock.fixed(options.now().toInstant(), ZoneOffset.UTC);
            CapabilityResolver resolver = CapabilityResolver.builder().policy(policy).clock(clock).build();
            LeastCostRouter router = LeastCostRouter.builder().resolver(resolver).schedule(schedule).build();
            new FeesReport(out).print(policy, schedule, router, checkout, clock.instant());
            return 0;
        } catch (TenderKitException | UncheckedIOException e) {
            return ExampleInput.reportBadInput("fees", e, err);
        }
    }

    private static Path file(String[] args, int i, String option, String expected) {
        return ExampleOptions.file(option, ExampleOptions.value(args, i, option, expected), expected);
    }
}
