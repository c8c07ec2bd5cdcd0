package dev.tenderkit.core.capability;

import dev.tenderkit.core.health.HealthIssue;
import dev.tenderkit.core.health.TerminalHealth;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Peripheral;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The good world of {@link Fixtures}, as mutable fields a test case breaks one at a time. */
final class World {
    String brand = "Sunmi";
    String model = "P2 Pro";
    String version = "3.4.0";
    Set<Peripheral> peripherals = EnumSet.allOf(Peripheral.class);
    Set<String> settings = new HashSet<>(Fixtures.ALL_SETTINGS);
    List<HealthIssue> health = new ArrayList<>();
    List<String> channels = new ArrayList<>(List.of("lakala"));
    List<Qualification> qualifications = new ArrayList<>(Fixtures.allApproved("lakala"));
    String mcc = "5411";
    Money amount = Money.parse("688.00");
    /** The installment plan asked for with the method, if any. */
    Optional<InstallmentPlan> plan = Optional.empty();
    Instant now = Fixtures.NOW;

    CheckoutContext context() {
        return new CheckoutContext(Fixtures.terminal(brand, model, version, peripherals, settings),
                Fixtures.merchant(mcc, channels, qualifications), new TerminalHealth(health));
    }

    CapabilityResolver resolver() {
        return CapabilityResolver.builder().policy(Fixtures.policy("test-1").build())
                .clock(Clock.fixed(now, ZoneOffset.UTC)).serviceLoader(false).build();
    }

    void replaceQualification(Qualification q) {
        qualifications.removeIf(x -> x.channelId().equals(q.channelId()) && x.product().equals(q.product()));
        qualifications.add(q);
    }
}
