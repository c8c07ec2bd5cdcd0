package dev.tenderkit.core.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.MalformedDocumentException;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload: a policy swap while two threads resolve continuously. Every verdict must be
 * consistent with exactly one of the two policies (never a mixture), and nothing may fail.
 */
class PolicyHotReloadTest {

    /** In policy "certified" Huabei needs 3.2.0 (the terminal has 3.4.0); in "uncertified" it needs 9.0. */
    private static CapabilityPolicy policy(String version, String huabeiMinimum) {
        CapabilityPolicy.Builder b = CapabilityPolicy.builder().version(version).issuedAt(Fixtures.ISSUED)
                .maxAge(java.time.Duration.ofDays(30));
        CapabilityPolicy base = Fixtures.policy("base").build();
        base.channels().forEach(b::channel);
        for (var m : dev.tenderkit.core.method.PaymentMethods.standardRegistry().all()) {
            base.requirements(m).ifPresent(b::methodRequirements);
        }
        Map<String, SoftwareVersion> versions = new HashMap<>(base.certifications().get(0).minimumVersions());
        versions.put(ALIPAY_HUABEI.id(), SoftwareVersion.parse(huabeiMinimum));
        b.certification(new TerminalCertification("Sunmi", "P2 Pro", versions));
        return b.build();
    }

    @Test
    void resolutionsDuringSwapsSeeOnePolicyOrTheOtherNeverAMixture() throws Exception {
        CapabilityPolicy certified = policy("certified", "3.2.0");
        CapabilityPolicy uncertified = policy("uncertified", "9.0");
        CapabilityResolver resolver = Fixtures.resolver(certified);
        CheckoutContext ctx = Fixtures.goodContext();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong resolutions = new AtomicLong();
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> threads = List.of(new Thread(() -> resolveUntil(resolver, ctx, stop, problems, resolutions,
                seen, started)), new Thread(() -> resolveUntil(resolver, ctx, stop, problems, resolutions, seen, started)));
        threads.forEach(Thread::start);
        started.await();
        // Keep swapping until both resolving threads have done plenty of work across many swaps.
        // The deadline only bounds a pathological run; the assertions below do not depend on timing.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        int swaps = 0;
        while ((swaps < 2_000 || resolutions.get() < 20_000) && problems.isEmpty() && System.nanoTime() < deadline) {
            resolver.swapPolicy(swaps++ % 2 == 0 ? uncertified : certified);
            Thread.yield();
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " inconsistent verdicts, e.g. " + problems.peek());
        assertTrue(resolutions.get() >= 20_000, "too few resolutions: " + resolutions.get());
        assertTrue(seen.contains("certified") && seen.contains("uncertified"), "saw only " + seen);
    }

    private static void resolveUntil(CapabilityResolver resolver, CheckoutContext ctx, AtomicBoolean stop,
            ConcurrentLinkedQueue<String> problems, AtomicLong count, java.util.Set<String> seen,
            CountDownLatch started) {
        started.countDown();
        Money amount = Money.parse("88.00");
        try {
            while (!stop.get()) {
                CapabilityVerdict v = resolver.resolve(ctx, ALIPAY_HUABEI, amount);
                seen.add(v.policyVersion());
                boolean expectAccepted = v.policyVersion().equals("certified");
                if (v.isAccepted() != expectAccepted
                        || (!expectAccepted && !v.has(Cause.TERMINAL_SOFTWARE_OUTDATED))
                        || (expectAccepted && !v.findings().isEmpty())) {
                    problems.add(v.policyVersion() + " -> " + v + " " + v.findings());
                }
                CapabilityMatrix m = resolver.matrix(ctx, amount);
                String version = m.verdicts().get(0).policyVersion();
                if (m.verdicts().stream().anyMatch(x -> !x.policyVersion().equals(version))) {
                    problems.add("matrix mixes policies");
                }
                count.incrementAndGet();
            }
        } catch (RuntimeException e) {
            problems.add(e.toString());
        }
    }

    @Test
    void reloadingAMalformedFileKeepsTheCurrentPolicyAndSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        CapabilityResolver resolver = Fixtures.resolver(Fixtures.policy("current").build());
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\n  \"schema\": \"tenderkit.capability-policy/1\",\n  \"version\": \"next\",\n"
                + "  \"issuedAt\": \"yesterday\",\n  \"maxAge\": \"P30D\"\n}\n", StandardCharsets.UTF_8);
        MalformedDocumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                MalformedDocumentException.class, () -> resolver.reloadPolicy(file));
        assertEquals("/issuedAt", e.path());
        assertEquals(4, e.line());
        assertEquals("current", resolver.policy().version());
    }

    @Test
    void reloadingAValidFileSwapsIt(@TempDir Path dir) throws Exception {
        CapabilityResolver resolver = Fixtures.resolver(Fixtures.policy("current").build());
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\"schema\": \"tenderkit.capability-policy/1\", \"version\": \"next\","
                + " \"issuedAt\": \"2026-11-24T00:00:00Z\", \"maxAge\": \"P7D\"}", StandardCharsets.UTF_8);
        CapabilityPolicy previous = resolver.reloadPolicy(file);
        assertEquals("current", previous.version());
        assertEquals("next", resolver.policy().version());
    }
}
