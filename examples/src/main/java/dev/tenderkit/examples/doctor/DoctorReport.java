package dev.tenderkit.examples.doctor;

import dev.tenderkit.core.capability.CapabilityMatrix;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CapabilityVerdict;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.capability.CheckoutDescription;
import dev.tenderkit.core.capability.Finding;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** Prints the doctor's diagnosis: per scenario, the capability matrix and every refusal explained. */
final class DoctorReport {
    private final PrintStream out;

    DoctorReport(PrintStream out) {
        this.out = out;
    }

    void print(CapabilityResolver resolver, List<CheckoutDescription> descriptions, Clock clock, String what) {
        CapabilityPolicy policy = resolver.policy();
        out.println("TenderKit doctor — why can't this POS take Huabei?");
        out.println("policy " + policy.version() + ", issued " + policy.issuedAt() + ", max age " + policy.maxAge().toDays() + " days"
                + (policy.isSample() ? "  [SAMPLE DATA — not real commercial terms]" : ""));
        out.println("diagnosing " + what + " as of " + clock.instant().atOffset(ZoneOffset.ofHours(8)));
        int n = 0;
        int refusals = 0;
        for (CheckoutDescription d : descriptions) {
            n++;
            out.println();
            out.println("━━ " + n + "/" + descriptions.size() + "  " + d.label());
            CheckoutContext ctx = d.context();
            TerminalProfile t = ctx.terminal();
            MerchantProfile m = ctx.merchant();
            out.println("   terminal " + t.displayName() + " (serial " + t.serial() + ") software " + t.softwareVersion());
            out.println("   merchant " + m.id() + " " + m.name() + ", MCC " + m.mcc() + ", channels "
                    + (m.channelIds().isEmpty() ? "(none)" : String.join(", ", m.channelIds())));
            CapabilityMatrix matrix = d.amount().map(a -> resolver.matrix(ctx, a)).orElseGet(() -> resolver.matrix(ctx));
            out.println("   amount " + d.amount().map(a -> a.toDisplayString()).orElse("(any)"));
            out.println();
            for (CapabilityVerdict v : matrix.verdicts()) {
                out.printf("   %-4s %-34s %s%n", v.isAccepted() ? "OK" : "NO", v.method().id(),
                        v.isAccepted() ? "via " + v.acceptingChannels().stream().map(ChannelProfile::id)
                                .collect(Collectors.joining(", ")) : v.method().name().zh() + " refused");
            }
            for (CapabilityVerdict v : matrix.verdicts()) {
                if (v.findings().isEmpty()) {
                    continue;
                }
                if (!v.isAccepted()) {
                    refusals++;
                }
                out.println();
                out.println("   " + v.method().id() + " (" + v.method().name().zh() + " / " + v.method().name().en() + ") — "
                        + (v.isAccepted() ? "accepted, with notes" : "REFUSED"));
                for (Finding f : v.findings()) {
                    out.println("     - " + f.cause().code() + " [" + f.severity().name().toLowerCase() + "]"
                            + f.channelId().map(c -> " on channel " + c).orElse(""));
                    out.println("         " + f.message().zh());
                    out.println("         " + f.message().en());
                    out.println("       remedy " + f.remedy().code() + ": " + f.remedy().text().zh());
                    out.println("         " + f.remedy().text().en());
                }
            }
        }
        out.println();
        out.println("diagnosed " + n + " scenario(s); " + refusals + " refused method(s) explained");
    }
}
