package dev.tenderkit.examples.health;

import dev.tenderkit.core.capability.CapabilityMatrix;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.health.HealthReport;
import dev.tenderkit.core.health.HealthStatus;
import dev.tenderkit.core.health.TerminalHealth;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a health report and the capability matrix it leads to. */
final class HealthPrinter {
    private final PrintStream out;

    HealthPrinter(PrintStream out) {
        this.out = out;
    }

    void header(TerminalProfile terminal, CapabilityPolicy policy) {
        out.println("TenderKit health — is this terminal fit to take payments?");
        out.println("terminal " + terminal.displayName() + " (serial " + terminal.serial() + ") software "
                + terminal.softwareVersion() + "; policy " + policy.version()
                + (policy.isSample() ? "  [SAMPLE DATA — not real commercial terms]" : ""));
    }

    void report(HealthReport report) {
        long fails = report.failures().size();
        long warns = report.warnings().size();
        out.println(report.depth().name().toLowerCase(Locale.ROOT) + " check at "
                + report.startedAt().atOffset(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS) + ", took " + report.duration().toMillis()
                + " ms: " + report.status() + " (" + fails + " FAIL, " + warns + " WARN, "
                + (report.items().size() - fails - warns) + " OK)");
        out.println();
        for (HealthItem item : report.items()) {
            out.printf("  %-5s %s%n", item.status(), item.id());
            out.println("        " + item.detail().en());
            if (item.status() != HealthStatus.OK) {
                out.println("        " + item.detail().zh());
                out.println("        remedy: " + item.remedy().orElseThrow().en());
                out.println("        处理：" + item.remedy().orElseThrow().zh());
                out.println("        affects: " + affects(item));
            }
        }
    }

    void consequence(CapabilityResolver resolver, CheckoutContext here, Money amount) {
        out.println();
        out.println("what the checkout screen shows for " + amount.toDisplayString() + " with this health:");
        CapabilityMatrix matrix = resolver.matrix(here, amount);
        for (CapabilityVerdict v : matrix.verdicts()) {
            String what = v.isAccepted()
                    ? "via " + v.acceptingChannels().stream().map(ChannelProfile::id).collect(Collectors.joining(", "))
                            + warnings(v)
                    : causes(v);
            out.printf("  %-3s %-28s %s%n", v.isAccepted() ? "OK" : "NO", v.method().id(), what);
        }
        // The methods refused for health alone: a healthy terminal would take them.
        for (CapabilityVerdict v : matrix.refused()) {
            CapabilityVerdict healthy = resolver.resolve(here.withHealth(TerminalHealth.HEALTHY), v.method(), amount);
            if (!healthy.isAccepted()) {
                continue;
            }
            out.println();
            out.println("why " + v.method().id() + " (" + v.method().name().zh() + ") is refused:");
            for (Finding f : v.blockingFindings()) {
                if (f.cause() != Cause.TERMINAL_UNHEALTHY) {
                    continue;
                }
                out.println("  " + f.cause().code() + ": " + f.message().en());
                out.println("    remedy " + f.remedy().code() + ": " + f.remedy().text().en());
                out.println("    " + f.remedy().text().zh());
            }
            out.println("  with a healthy terminal, " + v.method().id() + " is accepted via " + healthy.acceptingChannels()
                    .stream().map(ChannelProfile::id).collect(Collectors.joining(", ")));
        }
    }

    private static String affects(HealthItem item) {
        if (item.affectedWallets().isEmpty() && item.affectedMethods().isEmpty()) {
            return "every payment method";
        }
        List<String> parts = new ArrayList<>();
        item.affectedWallets().stream().map(Enum::name).sorted().forEach(w -> parts.add("wallet " + w));
        item.affectedMethods().stream().map(PaymentMethod::id).sorted().forEach(m -> parts.add("method " + m));
        return String.join(", ", parts);
    }

    /** The blocking causes that refuse the method everywhere, else those that rule out each channel. */
    private static String causes(CapabilityVerdict v) {
        List<Finding> blocking = v.blockingFindings();
        boolean methodWide = blocking.stream().anyMatch(f -> f.channelId().isEmpty());
        return blocking.stream().filter(f -> f.channelId().isEmpty() == methodWide).map(f -> f.cause().code())
                .distinct().collect(Collectors.joining(", "));
    }

    private static String warnings(CapabilityVerdict v) {
        long n = v.warnings().size();
        return n == 0 ? "" : "  (" + n + " warning" + (n == 1 ? "" : "s") + ")";
    }
}
