package dev.tenderkit.core.capability;

import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.health.HealthIssue;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.merchant.ReviewStatus;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.method.Wallet;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every cause of the capability vocabulary, alone and in combination, resolved for Huabei in 6
 * installments: the finding's code, severity, channel and the remedy's data.
 */
class CapabilityResolverCausesTest {

    /**
     * One way to break the good world.
     *
     * @param aspect what it changes; two cases with the same aspect cannot be combined
     */
    record Case(String name, Cause cause, Severity severity, String aspect, Consumer<World> breakIt,
            Consumer<Finding> check) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("brand not certified for installments", Cause.TERMINAL_NOT_CERTIFIED, Severity.BLOCKING,
                "certification", w -> {
                    w.brand = "Newland";
                    w.model = "N910";
                }, f -> {
                    Remedy.UseCertifiedTerminal r = assertInstanceOf(Remedy.UseCertifiedTerminal.class, f.remedy());
                    assertEquals(List.of("Sunmi P2 Pro ≥ 3.2.0"), r.certifiedTerminals());
                    assertTrue(f.channelId().isEmpty());
                }));
        cases.add(new Case("software below the certified version", Cause.TERMINAL_SOFTWARE_OUTDATED,
                Severity.BLOCKING, "certification", w -> w.version = "3.1.9", f -> {
                    Remedy.UpgradeSoftware r = assertInstanceOf(Remedy.UpgradeSoftware.class, f.remedy());
                    assertEquals(SoftwareVersion.parse("3.2.0"), r.minimumVersion());
                    assertEquals(SoftwareVersion.parse("3.1.9"), r.currentVersion());
                    assertTrue(f.remedy().text().en().contains("3.2.0"));
                }));
        cases.add(new Case("installment switch not configured", Cause.TERMINAL_NOT_CONFIGURED, Severity.BLOCKING,
                "settings", w -> w.settings.remove("alipay.huabei.installment.enabled"), f -> {
                    Remedy.ConfigureSettings r = assertInstanceOf(Remedy.ConfigureSettings.class, f.remedy());
                    assertEquals(List.of("alipay.huabei.installment.enabled"), r.settings());
                }));
        cases.add(new Case("no scanner and no camera", Cause.TERMINAL_HARDWARE_MISSING, Severity.BLOCKING,
                "peripherals", w -> w.peripherals = EnumSet.of(Peripheral.RECEIPT_PRINTER), f -> {
                    Remedy.AttachPeripheral r = assertInstanceOf(Remedy.AttachPeripheral.class, f.remedy());
                    assertEquals(Set.of(Peripheral.BARCODE_SCANNER, Peripheral.CAMERA), r.anyOf());
                }));
        cases.add(new Case("Alipay gateway unreachable", Cause.TERMINAL_UNHEALTHY, Severity.BLOCKING, "health",
                w -> w.health.add(new HealthIssue("network.gateway.alipay", Severity.BLOCKING,
                        LocalizedText.of("支付宝网关不可达", "Alipay gateway unreachable"),
                        LocalizedText.of("检查网络", "check the network"), Set.of(Wallet.ALIPAY))), f -> {
                    Remedy.PerformMaintenance r = assertInstanceOf(Remedy.PerformMaintenance.class, f.remedy());
                    assertEquals("network.gateway.alipay", r.item());
                    assertEquals("check the network", r.action().en());
                }));
        cases.add(new Case("only channel does not offer it", Cause.CHANNEL_METHOD_UNSUPPORTED, Severity.BLOCKING,
                "channel", w -> w.channels = new ArrayList<>(List.of("sft")), f -> {
                    Remedy.SwitchChannel r = assertInstanceOf(Remedy.SwitchChannel.class, f.remedy());
                    assertEquals(List.of(), r.merchantChannels());
                    assertEquals(List.of("lakala"), r.otherChannels());
                    assertEquals(Optional.of("sft"), f.channelId());
                }));
        cases.add(new Case("qualification never submitted", Cause.MERCHANT_QUALIFICATION_MISSING, Severity.BLOCKING,
                "qualification", w -> w.qualifications.removeIf(q -> q.product().equals("huabei_installment")), f -> {
                    Remedy.SubmitQualification r = assertInstanceOf(Remedy.SubmitQualification.class, f.remedy());
                    assertEquals("lakala", r.channelId());
                    assertEquals("huabei_installment", r.product());
                    assertEquals(List.of("business licence", "installment agreement"), r.materials());
                    assertEquals(Optional.of("lakala"), f.channelId());
                }));
        cases.add(new Case("qualification under review", Cause.MERCHANT_QUALIFICATION_PENDING, Severity.BLOCKING,
                "qualification", w -> w.replaceQualification(new Qualification("lakala", "huabei_installment",
                        ReviewStatus.PENDING, Optional.empty(), Optional.of(LocalDate.of(2026, 11, 18)),
                        Optional.empty())), f -> {
                    Remedy.AwaitReview r = assertInstanceOf(Remedy.AwaitReview.class, f.remedy());
                    assertEquals(Optional.of(LocalDate.of(2026, 11, 18)), r.submittedOn());
                }));
        cases.add(new Case("qualification rejected", Cause.MERCHANT_QUALIFICATION_REJECTED, Severity.BLOCKING,
                "qualification", w -> w.replaceQualification(new Qualification("lakala", "huabei_installment",
                        ReviewStatus.REJECTED, Optional.of("storefront photo unclear"), Optional.empty(),
                        Optional.empty())), f -> {
                    Remedy.ResubmitQualification r = assertInstanceOf(Remedy.ResubmitQualification.class, f.remedy());
                    assertEquals("storefront photo unclear", r.rejectionReason());
                    assertTrue(f.message().zh().contains("storefront photo unclear"));
                }));
        cases.add(new Case("approval past its expiry date", Cause.MERCHANT_QUALIFICATION_EXPIRED, Severity.BLOCKING,
                "qualification", w -> w.replaceQualification(new Qualification("lakala", "huabei_installment",
                        ReviewStatus.APPROVED, Optional.empty(), Optional.empty(),
                        Optional.of(LocalDate.of(2026, 11, 24)))), f -> {
                    Remedy.RenewQualification r = assertInstanceOf(Remedy.RenewQualification.class, f.remedy());
                    assertEquals(Optional.of(LocalDate.of(2026, 11, 24)), r.expiredOn());
                }));
        cases.add(new Case("pawn shop may not take credit", Cause.MERCHANT_CATEGORY_RESTRICTED, Severity.BLOCKING,
                "mcc", w -> w.mcc = "5933", f -> {
                    Remedy.UseAnotherMethod r = assertInstanceOf(Remedy.UseAnotherMethod.class, f.remedy());
                    assertEquals(List.of("alipay"), r.alternatives());
                }));
        cases.add(new Case("below the installment minimum", Cause.AMOUNT_OUT_OF_RANGE, Severity.BLOCKING, "amount",
                w -> w.amount = Money.parse("99.99"), f -> {
                    Remedy.ChangeAmount r = assertInstanceOf(Remedy.ChangeAmount.class, f.remedy());
                    assertEquals(Optional.of(Money.ofYuan(100)), r.minimum());
                    assertEquals(Optional.of(Money.ofYuan(50_000)), r.maximum());
                }));
        cases.add(new Case("a plan Alipay does not offer", Cause.INSTALLMENT_PLAN_UNAVAILABLE, Severity.BLOCKING,
                "plan", w -> w.plan = Optional.of(new InstallmentPlan(5, FeeBearer.BUYER)), f -> {
                    Remedy.ChooseInstallmentPlan r = assertInstanceOf(Remedy.ChooseInstallmentPlan.class, f.remedy());
                    assertEquals(List.of(3, 6, 12), r.offeredPeriods());
                    assertTrue(f.channelId().isEmpty());
                }));
        cases.add(new Case("policy older than its maximum age", Cause.POLICY_STALE, Severity.WARNING, "clock",
                w -> w.now = Fixtures.ISSUED.plus(Duration.ofDays(30)).plusMillis(1), f -> {
                    Remedy.RefreshPolicy r = assertInstanceOf(Remedy.RefreshPolicy.class, f.remedy());
                    assertEquals("test-1", r.currentVersion());
                    assertEquals(Fixtures.ISSUED, r.issuedAt());
                }));
        return cases;
    }

    private static CapabilityVerdict resolve(World w) {
        return w.resolver().resolve(w.context(), HUABEI_INSTALLMENT_6, w.amount, w.plan);
    }

    @Test
    void theGoodWorldAcceptsWithoutFindings() {
        CapabilityVerdict v = resolve(new World());
        assertTrue(v.isAccepted(), v.findings()::toString);
        assertEquals(List.of(), v.findings());
        assertEquals(List.of("lakala"), v.acceptingChannels().stream().map(c -> c.id()).toList());
    }

    @Test
    void everyCauseOfTheVocabularyHasACase() {
        Set<Cause> covered = cases().stream().map(Case::cause).collect(Collectors.toSet());
        Set<Cause> all = EnumSet.allOf(Cause.class);
        all.remove(Cause.OTHER);
        all.removeIf(c -> c.party() == Party.BUYER || c == Cause.GATEWAY_REJECTED);   // only after an attempt
        assertEquals(all, covered);
    }

    @TestFactory
    Stream<DynamicTest> eachCauseAloneIsReportedWithItsRemedy() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.cause() + ": " + c.name(), () -> {
            World w = new World();
            c.breakIt().accept(w);
            CapabilityVerdict v = resolve(w);
            assertEquals(List.of(c.cause()), v.findings().stream().map(Finding::cause).toList(),
                    v.findings()::toString);
            Finding f = v.findings().get(0);
            assertEquals(c.severity(), f.severity());
            assertEquals(HUABEI_INSTALLMENT_6, f.method());
            assertFalse(f.message().zh().isBlank());
            assertFalse(f.message().en().isBlank());
            assertFalse(f.remedy().text().en().isBlank());
            assertEquals(c.severity() == Severity.WARNING, v.isAccepted());
            c.check().accept(f);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPairOfIndependentCausesIsReportedTogether() {
        List<Case> cases = cases();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            for (int j = i + 1; j < cases.size(); j++) {
                Case a = cases.get(i);
                Case b = cases.get(j);
                if (a.aspect().equals(b.aspect()) || hides(a, b) || hides(b, a)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(a.cause() + " + " + b.cause(), () -> {
                    World w = new World();
                    a.breakIt().accept(w);
                    b.breakIt().accept(w);
                    CapabilityVerdict v = resolve(w);
                    Set<Cause> found = v.findings().stream().map(Finding::cause).collect(Collectors.toSet());
                    assertEquals(Set.of(a.cause(), b.cause()), found, v.findings()::toString);
                    assertFalse(v.isAccepted());
                    assertBlockingFirst(v);
                }));
            }
        }
        return tests.stream();
    }

    /** A merchant left without the channel never reaches the channel's qualification check. */
    private static boolean hides(Case a, Case b) {
        return a.aspect().equals("channel") && b.aspect().equals("qualification");
    }

    @Test
    void allIndependentCausesAtOnceAreAllReported() {
        World w = new World();
        List<Case> chosen = new ArrayList<>();
        Set<String> aspects = new java.util.HashSet<>();
        for (Case c : cases()) {
            if (aspects.add(c.aspect()) && !c.aspect().equals("channel")) {
                chosen.add(c);
                c.breakIt().accept(w);
            }
        }
        CapabilityVerdict v = resolve(w);
        assertEquals(chosen.stream().map(Case::cause).collect(Collectors.toSet()),
                v.findings().stream().map(Finding::cause).collect(Collectors.toSet()), v.findings()::toString);
        assertFalse(v.isAccepted());
        assertBlockingFirst(v);
        assertEquals(Severity.WARNING, v.findings().get(v.findings().size() - 1).severity());
    }

    private static void assertBlockingFirst(CapabilityVerdict v) {
        boolean seenWarning = false;
        for (Finding f : v.findings()) {
            if (f.severity() == Severity.WARNING) {
                seenWarning = true;
            } else {
                assertFalse(seenWarning, "blocking finding after a warning: " + v.findings());
            }
        }
    }

    @Test
    void anApprovalIsValidThroughItsExpiryDateInBusinessTime() {
        World w = new World();
        // 2026-11-25T02:00Z is 10:00 on 2026-11-25 in China: an approval expiring that day still holds.
        w.replaceQualification(new Qualification("lakala", "huabei_installment", ReviewStatus.APPROVED,
                Optional.empty(), Optional.empty(), Optional.of(LocalDate.of(2026, 11, 25))));
        assertTrue(resolve(w).isAccepted());
        // 16:00Z on the 25th is already the 26th in China.
        w.now = java.time.Instant.parse("2026-11-25T16:00:00Z");
        assertTrue(resolve(w).has(Cause.MERCHANT_QUALIFICATION_EXPIRED));
    }

    @Test
    void aHealthWarningDoesNotRefuse() {
        World w = new World();
        w.health.add(new HealthIssue("printer.paper", Severity.WARNING, LocalizedText.of("纸将用尽", "paper low"),
                LocalizedText.of("换纸", "load paper"), Set.of()));
        CapabilityVerdict v = resolve(w);
        assertTrue(v.isAccepted());
        assertEquals(List.of(Cause.TERMINAL_UNHEALTHY), v.findings().stream().map(Finding::cause).toList());
        assertEquals(Severity.WARNING, v.findings().get(0).severity());
    }

    @Test
    void aHealthIssueOfAnotherWalletDoesNotConcernThisMethod() {
        World w = new World();
        w.health.add(new HealthIssue("network.gateway.wechat", Severity.BLOCKING,
                LocalizedText.of("微信网关不可达", "WeChat gateway unreachable"), LocalizedText.of("检查网络", "check"),
                Set.of(Wallet.WECHAT_PAY)));
        assertTrue(resolve(w).isAccepted());
    }

    @Test
    void amountAboveTheMaximumNamesTheMaximum() {
        World w = new World();
        w.amount = Money.parse("50000.01");
        Finding f = resolve(w).findings().get(0);
        assertEquals(Cause.AMOUNT_OUT_OF_RANGE, f.cause());
        assertTrue(f.message().en().contains("50000.00"), f.message().en());
    }
}
