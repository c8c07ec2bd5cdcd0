package dev.tenderkit.examples.doctor;

import dev.tenderkit.examples.ExampleInput;
import dev.tenderkit.examples.ExampleOptions;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityPolicyReader;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutDescription;
import dev.tenderkit.core.capability.CheckoutDescriptionReader;
import dev.tenderkit.core.method.PaymentMethods;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The doctor: explains, for each described terminal and merchant, which payment methods work and,
 * for every one that doesn't, each cause with its stable code and its remedy.
 *
 * <pre>
 * doctor                               diagnose the bundled SAMPLE scenarios
 * doctor my-terminal.json              diagnose your own description file
 * doctor --policy policy.json FILE     use your own platform policy
 * doctor --now 2026-11-25T10:00+08:00  resolve as of that time (default: now; the bundled
 *                                      samples default to their sample date)
 * </pre>
 *
 * Exit status: 0 on success, 2 on bad input (the message names file, field, line and column).
 */
public final class DoctorExample {
    static final String SAMPLE_POLICY = "/samples/capability-policy.sample.json";
    static final String SAMPLE_SCENARIOS = "/samples/doctor-scenarios.sample.json";
    /** The bundled samples are dated; diagnosing them as of this instant keeps the output stable. */
    static final OffsetDateTime SAMPLE_NOW = OffsetDateTime.parse("2026-11-25T10:00:00+08:00");
    private static final String POLICY_FILE = "a capability policy file (tenderkit.capability-policy/1) such as policy.json";
    private static final String DESCRIPTION_FILE = "a description file (tenderkit.checkout-description/1) such as"
            + " my-terminal.json";

    private DoctorExample() {
    }

    /** @param args see the class documentation */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** The command line, parsed. */
    private record Options(Path policyFile, Path descriptionFile, OffsetDateTime now, boolean help) {
        static Options parse(String[] args) {
            Path policyFile = null;
            Path descriptionFile = null;
            OffsetDateTime now = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--policy" -> policyFile = ExampleOptions.file("--policy",
                            ExampleOptions.value(args, ++i, "--policy", POLICY_FILE), POLICY_FILE);
                    case "--now" -> now = ExampleOptions.dateTime("--now",
                            ExampleOptions.value(args, ++i, "--now", ExampleOptions.DATE_TIME));
                    case "-h", "--help" -> {
                        return new Options(null, null, null, true);
                    }
                    default -> {
                        if (args[i].startsWith("-") || descriptionFile != null) {
                            throw new IllegalArgumentException("unexpected argument \"" + args[i] + "\"; see --help");
                        }
                        descriptionFile = ExampleOptions.file("DESCRIPTION", args[i], DESCRIPTION_FILE);
                    }
                }
            }
            if (now == null && descriptionFile == null && policyFile == null) {
                now = SAMPLE_NOW;
            }
            return new Options(policyFile, descriptionFile, now, false);
        }
    }

    /** Runs the doctor; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("doctor: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println("usage: doctor [--policy POLICY.json] [--now ISO-DATE-TIME] [DESCRIPTION.json]");
            return 0;
        }
        Path policyFile = options.policyFile();
        Path descriptionFile = options.descriptionFile();
        try {
            CapabilityPolicyReader policyReader = new CapabilityPolicyReader(PaymentMethods.standardRegistry());
            CapabilityPolicy policy = ExampleInput.load(policyFile, SAMPLE_POLICY, policyReader::read);
            CheckoutDescriptionReader descriptionReader = new CheckoutDescriptionReader();
            List<CheckoutDescription> descriptions = ExampleInput.load(descriptionFile, SAMPLE_SCENARIOS,
                    descriptionReader::read);
            Clock clock = options.now() == null ? Clock.systemUTC()
                    : Clock.fixed(options.now().toInstant(), ZoneOffset.UTC);
            CapabilityResolver resolver = CapabilityResolver.builder().policy(policy).clock(clock).build();
            new DoctorReport(out).print(resolver, descriptions, clock,
                    descriptionFile == null ? "bundled sample scenarios" : descriptionFile.toString());
            return 0;
        } catch (TenderKitException | UncheckedIOException e) {
            return ExampleInput.reportBadInput("doctor", e, err);
        }
    }
}
