package dev.tenderkit.testkit.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.ReconciliationReport;
import dev.tenderkit.core.reconcile.Reconciler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

            assertEquals(List.of(), day.mismatches(report), report.summary());
            assertEquals(0, report.feeAudit().orElseThrow().notAudited(), "every matched payment's fee audited");
            assertTrue(day.divergences().size() >= 10 * 10, "divergences of every kind were injected: "
                    + report.countsByKind());
            assertTrue(bill.closed, "the reader is closed");
            assertTrue(day.held().size() >= 5 && day.carried().size() >= 5, "midnight crossings both ways: held "
                    + day.held().size() + ", carried " + day.carried().size());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    void theOracleCatchesAReconciliationThatIsOffByOneRow(long seed) {
        GeneratedDay day = new GeneratedDayBuilder(seed).trades(2_000).divergencesPerKind(3).build();
        try (JournalTransactionStore store = JournalTransactionStore.open(dir.resolve("journal-" + seed),
                Clock.systemUTC(), new JournalOptions(false, 1 << 20), Duration.ofDays(100_000), 1L << 40)) {
            day.saveTo(store);
            List<dev.tenderkit.core.reconcile.BillEntry> oneRowLess = day.bill().subList(1, day.bill().size());
            ReconciliationReport report = Reconciler.builder(store).build().reconcile(day.gatewayId(),
                    new BillDownload.Available(day.day(), new ListBillReader(day.gatewayId(), day.day(), oneRowLess)),
                    day.carried());
            assertTrue(!day.mismatches(report).isEmpty(), "a bill one row short must not pass as the day's");
        }
    }
}
