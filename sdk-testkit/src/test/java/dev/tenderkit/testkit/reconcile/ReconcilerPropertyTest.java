package dev.tenderkit.testkit.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.Discrepancy;
import dev.tenderkit.core.reconcile.FeeDiscrepancy;
import dev.tenderkit.core.reconcile.HeldEntry;
import dev.tenderkit.core.reconcile.ReconciliationReport;
import dev.tenderkit.core.reconcile.Reconciler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated days of 10,000 trades, with refunds, midnight crossings and divergences of every kind injected: the
 * reconciliation finds exactly the injected divergences (0 missed, 0 invented), holds exactly what a midnight may
 * have moved, matches everything else, and flags exactly the overcharged fees.
 */
class ReconcilerPropertyTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261130})
    void findsExactlyTheInjectedDivergences(long seed) {
        boolean wechat = seed % 2 == 0;
        GeneratedDayBuilder builder = new GeneratedDayBuilder(seed).trades(10_000).divergencesPerKind(15);
        if (wechat) {
            builder.wallet("wechat", "wechat-direct", PaymentMethods.WECHAT_PAY)
                    .fees(FeeRate.parse("0.38%"), FeeRate.parse("0.60%"), true);
        } else {
            builder.noRevokedRows();
        }
        GeneratedDay day = builder.build();
        try (JournalTransactionStore store = JournalTransactionStore.open(dir.resolve("journal-" + seed),
                Clock.systemUTC(), new JournalOptions(false, 1 << 20), Duration.ofDays(100_000), 1L << 40)) {
            day.saveTo(store);
            ListBillReader bill = new ListBillReader(day.gatewayId(), day.day(), day.bill());
            ReconciliationReport report = Reconciler.builder(store).feeAudit(day.feeSchedule()).build()
                    .reconcile(day.gatewayId(), new BillDownload.Available(day.day(), bill), day.carried());

            Set<Divergence> found = report.discrepancies().stream()
                    .map(d -> new Divergence(d.kind(), d.outTradeNo(), d.refundRequestNo()))
                    .collect(Collectors.toSet());
            assertEquals(report.discrepancies().size(), found.size(), "each divergence is reported once");
            Set<Divergence> missed = new HashSet<>(day.divergences());
            missed.removeAll(found);
            Set<Divergence> invented = new HashSet<>(found);
            invented.removeAll(day.divergences());
            assertEquals(Set.of(), missed, "missed");
            assertEquals(Set.of(), invented, "invented: " + report.discrepancies().stream()
                    .filter(d -> invented.contains(new Divergence(d.kind(), d.outTradeNo(), d.refundRequestNo())))
                    .map(Discrepancy::explanation).limit(5).toList());
            assertEquals(day.held(), report.held().stream().map(ReconcilerPropertyTest::key)
                    .collect(Collectors.toSet()), "held");
            assertEquals(day.feeDiscrepancies(), report.feeAudit().orElseThrow().discrepancies().stream()
                    .map(FeeDiscrepancy::outTradeNo).collect(Collectors.toSet()), "fee discrepancies");
            assertEquals(day.matchedPayments(), report.matchedPayments(), "matched payments");
            assertEquals(day.matchedRefunds(), report.matchedRefunds(), "matched refunds");
            assertEquals(0, report.feeAudit().orElseThrow().notAudited(), "every matched payment's fee audited");
            assertTrue(day.divergences().size() >= 10 * 10, "divergences of every kind were injected: "
                    + report.countsByKind());
            assertTrue(bill.closed, "the reader is closed");
            assertTrue(day.held().size() >= 5 && day.carried().size() >= 5, "midnight crossings both ways: held "
                    + day.held().size() + ", carried " + day.carried().size());
        }
    }

    private static String key(HeldEntry h) {
        return h.refundRequestNo().map(no -> h.outTradeNo() + "/" + no).orElse(h.outTradeNo());
    }
}
