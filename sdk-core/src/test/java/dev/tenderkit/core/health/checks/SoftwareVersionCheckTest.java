package dev.tenderkit.core.health.checks;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_DEBIT_CARD;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY_CREDIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.health.HealthIssue;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.health.HealthStatus;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SoftwareVersionCheckTest {

    private static CapabilityPolicy policy(String version, String huabeiMinimum) {
        CapabilityPolicy.Builder b = CapabilityPolicy.builder().version(version).issuedAt(Contexts.T0)
                .maxAge(Duration.ofDays(30));
        for (PaymentMethod m : List.of(ALIPAY, ALIPAY_HUABEI, WECHAT_PAY, WECHAT_PAY_CREDIT)) {
            b.methodRequirements(new MethodRequirements(m, true, List.of(), Optional.empty(), Optional.empty()));
        }
        b.methodRequirements(new MethodRequirements(UNIONPAY_DEBIT_CARD, false, List.of(), Optional.empty(),
                Optional.empty()));
        // Sunmi P2 Pro is certified for Alipay, Huabei and WeChat credit, not for plain WeChat Pay.
        b.certification(new TerminalCertification("Sunmi", "P2 Pro", Map.of(
                ALIPAY.id(), SoftwareVersion.parse("2.0.0"),
                ALIPAY_HUABEI.id(), SoftwareVersion.parse(huabeiMinimum),
                WECHAT_PAY_CREDIT.id(), SoftwareVersion.parse("3.3.0"))));
        return b.build();
    }

    private static TerminalProfile terminal(String brand, String version) {
        return new TerminalProfile(brand, "P2 Pro", "SN-1", SoftwareVersion.parse(version), Set.of(), Set.of(),
                Set.of());
    }

    private static List<HealthItem> check(TerminalProfile t, PaymentMethod... needed) {
        return SoftwareVersionCheck.builder().terminal(t).policy(policy("p-1", "3.2.0")).neededMethods(needed).build()
                .check(Contexts.fixed());
    }

    private static HealthItem item(List<HealthItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
                id + " not in " + items.stream().map(HealthItem::id).toList()));
    }

    @Test
    void belowTheMinimumOfANeededMethodIsUpdateRequiredForThatMethodOnly() {
        List<HealthItem> items = check(terminal("Sunmi", "3.1.0"), ALIPAY, ALIPAY_HUABEI);
        HealthItem required = item(items, "terminal.software.update-required");
        assertEquals(HealthStatus.FAIL, required.status());
        assertEquals("terminal software 3.1.0 is below the certified minimum for: Alipay Huabei ≥ 3.2.0",
                required.detail().en());
        assertEquals("终端软件 3.1.0 低于所需支付方式的认证最低版本：花呗 ≥ 3.2.0", required.detail().zh());
        assertEquals("upgrade the terminal software from 3.1.0 to 3.2.0 or later", required.remedy().orElseThrow().en());
        HealthIssue issue = required.toIssue().orElseThrow();
        assertTrue(issue.affects(ALIPAY_HUABEI));
        assertFalse(issue.affects(ALIPAY));
        assertFalse(items.stream().anyMatch(i -> i.id().equals("terminal.software")));
    }

    @Test
    void atOrAboveEveryNeededMinimumIsOkAndHigherMinimumsAreAnUpdateAvailable() {
        List<HealthItem> items = check(terminal("Sunmi", "3.1.0"), ALIPAY);
        assertEquals(HealthStatus.OK, item(items, "terminal.software").status());
        HealthItem available = item(items, "terminal.software.update-available");
        assertEquals(HealthStatus.WARN, available.status());
        assertEquals(Set.of(ALIPAY_HUABEI, WECHAT_PAY_CREDIT), available.affectedMethods());
        assertTrue(available.detail().en().indexOf("≥ 3.2.0") < available.detail().en().indexOf("≥ 3.3.0"),
                available.detail().en());
        assertEquals("to offer them, upgrade the terminal software from 3.1.0 to 3.3.0",
                available.remedy().orElseThrow().en());

        List<HealthItem> current = check(terminal("Sunmi", "3.4.0"), ALIPAY, ALIPAY_HUABEI);
        assertEquals(List.of("terminal.software"), current.stream().map(HealthItem::id).toList());
    }

    @Test
    void aNeededMethodCertifiedAtNoVersionIsAWarningThatAnUpdateWillNotHelp() {
        HealthItem item = item(check(terminal("Sunmi", "3.4.0"), WECHAT_PAY), "terminal.software.not-certified");
        assertEquals(HealthStatus.WARN, item.status());
        assertEquals(Set.of(WECHAT_PAY), item.affectedMethods());
        assertTrue(item.remedy().orElseThrow().en().startsWith("a software update will not help"));
        HealthItem brand = item(check(terminal("PAX", "9.9.9"), ALIPAY), "terminal.software.not-certified");
        assertTrue(brand.detail().en().contains("certifies no software version of PAX P2 Pro"), brand.detail().en());
    }

    @Test
    void methodsThatNeedNoCertificationAreNotVersionChecked() {
        assertEquals(List.of("terminal.software"),
                check(terminal("PAX", "0.1"), UNIONPAY_DEBIT_CARD).stream().map(HealthItem::id).toList());
    }

    @Test
    void aReloadedPolicyCountsAtTheNextCheck() {
        AtomicReference<CapabilityPolicy> inUse = new AtomicReference<>(policy("p-1", "3.2.0"));
        SoftwareVersionCheck check = SoftwareVersionCheck.builder().terminal(terminal("Sunmi", "3.2.0"))
                .policy(inUse::get).neededMethods(ALIPAY_HUABEI).build();
        assertEquals(HealthStatus.OK, check.check(Contexts.fixed()).get(0).status());
        inUse.set(policy("p-2", "3.2.5"));
        HealthItem item = check.check(Contexts.fixed()).get(0);
        assertEquals(HealthStatus.FAIL, item.status());
        assertEquals("upgrade the terminal software from 3.2.0 to 3.2.5 or later", item.remedy().orElseThrow().en());
    }

    @Test
    void theBuilderNamesTheWrongSetting() {
        assertEquals("terminal", assertThrows(ConfigurationException.class,
                () -> SoftwareVersionCheck.builder().build()).setting());
        assertEquals("policy", assertThrows(ConfigurationException.class,
                () -> SoftwareVersionCheck.builder().terminal(terminal("Sunmi", "1.0")).build()).setting());
        assertEquals("neededMethods", assertThrows(ConfigurationException.class,
                () -> SoftwareVersionCheck.builder().terminal(terminal("Sunmi", "1.0")).policy(policy("p", "3.2.0"))
                        .build()).setting());
    }
}
