package dev.tenderkit.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.Severity;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.method.Wallet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthReportTest {
    private static final LocalizedText DETAIL = LocalizedText.of("细节", "detail");
    private static final LocalizedText REMEDY = LocalizedText.of("办法", "remedy");
    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    private static HealthReport report(HealthItem... items) {
        return new HealthReport(CheckDepth.FULL, T0, Duration.ofMillis(12), List.of(items));
    }

    @Test
    void theOverallStatusIsTheWorstItem() {
        HealthItem ok = HealthItem.ok("a", DETAIL);
        HealthItem warn = HealthItem.warn("b", DETAIL, REMEDY, Set.of());
        HealthItem fail = HealthItem.fail("c", DETAIL, REMEDY, Set.of());
        assertEquals(HealthStatus.OK, report(ok).status());
        assertEquals(HealthStatus.WARN, report(ok, warn).status());
        assertEquals(HealthStatus.FAIL, report(warn, fail, ok).status());
        assertEquals(List.of(fail), report(warn, fail, ok).failures());
        assertEquals(List.of(warn), report(warn, fail, ok).warnings());
    }

    @Test
    void failBecomesABlockingIssueAndWarnAWarningAndOkNothing() {
        HealthReport r = report(HealthItem.ok("power", DETAIL),
                HealthItem.fail("network.gateway.alipay", DETAIL, REMEDY, Set.of(Wallet.ALIPAY)),
                HealthItem.warn("clock.skew", DETAIL, REMEDY, Set.of()));
        List<HealthIssue> issues = r.toTerminalHealth().issues();
        assertEquals(2, issues.size());
        HealthIssue gateway = issues.get(0);
        assertEquals("network.gateway.alipay", gateway.item());
        assertEquals(Severity.BLOCKING, gateway.severity());
        assertEquals(DETAIL, gateway.problem());
        assertEquals(REMEDY, gateway.action());
        assertEquals(Set.of(Wallet.ALIPAY), gateway.affectedWallets());
        assertEquals(Severity.WARNING, issues.get(1).severity());
        assertTrue(report(HealthItem.ok("power", DETAIL)).toTerminalHealth().isHealthy());
    }

    @Test
    void anItemNarrowedToMethodsAffectsOnlyThem() {
        HealthIssue issue = HealthItem.fail("terminal.software.update-required", DETAIL, REMEDY, Set.of())
                .onlyFor(Set.of(PaymentMethods.ALIPAY_HUABEI)).toIssue().orElseThrow();
        assertTrue(issue.affects(PaymentMethods.ALIPAY_HUABEI));
        assertFalse(issue.affects(PaymentMethods.ALIPAY));
        assertTrue(issue.affects(Wallet.ALIPAY));
        assertFalse(issue.affects(Wallet.WECHAT_PAY));
    }

    @Test
    void walletsAndMethodsMustBothAdmitAMethod() {
        HealthIssue issue = new HealthIssue("x", Severity.BLOCKING, DETAIL, REMEDY, Set.of(Wallet.WECHAT_PAY),
                Set.of(PaymentMethods.ALIPAY));
        assertFalse(issue.affects(PaymentMethods.ALIPAY));
        assertFalse(issue.affects(PaymentMethods.WECHAT_PAY));
        HealthIssue everything = new HealthIssue("y", Severity.BLOCKING, DETAIL, REMEDY, Set.of());
        assertTrue(everything.affects(PaymentMethods.ECNY));
    }

    @Test
    void aFailOrWarnNeedsARemedyAndOkHasNone() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new HealthItem("a", HealthStatus.FAIL, DETAIL, Optional.empty(), Set.of(), Set.of()));
        assertEquals("remedy", e.field());
        assertThrows(InvalidInputException.class,
                () -> new HealthItem("a", HealthStatus.OK, DETAIL, Optional.of(REMEDY), Set.of(), Set.of()));
    }

    @Test
    void itemIdsAreDottedLowerCaseSegments() {
        for (String bad : new String[] {"", "Network", "a..b", ".a", "a.", "a b", "网络"}) {
            assertThrows(InvalidInputException.class, () -> HealthItem.ok(bad, DETAIL), bad);
        }
        assertEquals("network.gateway.alipay-direct", HealthItem.ok("network.gateway.alipay-direct", DETAIL).id());
    }

    @Test
    void anItemBelongsToItsCheckByIdPrefixAtADot() {
        HealthItem item = HealthItem.ok("network.gateway.lakala", DETAIL);
        assertTrue(item.belongsTo("network.gateway"));
        assertTrue(item.belongsTo("network.gateway.lakala"));
        assertFalse(item.belongsTo("network.gate"));
        assertFalse(item.belongsTo("power"));
    }

    @Test
    void aReportRefusesDuplicateItemIdsAndNegativeDurations() {
        HealthItem a = HealthItem.ok("a", DETAIL);
        assertEquals("items", assertThrows(InvalidInputException.class, () -> report(a, a)).field());
        assertEquals("duration", assertThrows(InvalidInputException.class,
                () -> new HealthReport(CheckDepth.QUICK, T0, Duration.ofMillis(-1), List.of(a))).field());
    }

    @Test
    void aFullRunIncludesQuickChecksButNotTheOtherWayRound() {
        assertTrue(CheckDepth.FULL.includes(CheckDepth.QUICK));
        assertTrue(CheckDepth.FULL.includes(CheckDepth.FULL));
        assertTrue(CheckDepth.QUICK.includes(CheckDepth.QUICK));
        assertFalse(CheckDepth.QUICK.includes(CheckDepth.FULL));
    }
}
