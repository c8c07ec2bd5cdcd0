package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenderkit.core.fee.QuoteRequest;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BilledFee;
import dev.tenderkit.core.reconcile.ReconciliationReport;
import dev.tenderkit.core.reconcile.Reconciler;
import dev.tenderkit.testkit.alipay.AlipayBillRow;
import dev.tenderkit.testkit.alipay.AlipayBillWriter;
import dev.tenderkit.testkit.reconcile.GeneratedDay;
import dev.tenderkit.testkit.reconcile.GeneratedDayBuilder;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated days of 10,000 trades written as Alipay's real trade bill (a zip of GBK CSV with GBK entry names,
 * trailing tabs, negative refund rows, the totals lines), read back by {@link AlipayBillArchive} and
 * {@link AlipayBillReader} and reconciled: exactly the injected divergences are found, 0 missed, 0 invented, and
 * exactly the overcharged fees (Alipay states no rate: a fee differing at the fen).
 */
class AlipayBillReconcilePropertyTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 2027})
    void findsExactlyTheInjectedDivergencesInAlipaysFormat(long seed) throws Exception {
        GeneratedDay day = new GeneratedDayBuilder(seed).day(BillFiles.DAY).trades(10_000).divergencesPerKind(12)
                .noRevokedRows().build();
        Path zip = dir.resolve("bill-" + seed + ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            new AlipayBillWriter(BillFiles.PID, day.day(), day.day().plusDays(1).atTime(9, 0))
                    .writeZip(rows(day.bill()), out);
        }
        try (JournalTransactionStore store = JournalTransactionStore.open(dir.resolve("journal-" + seed),
                Clock.systemUTC(), new JournalOptions(false, 1 << 20), Duration.ofDays(100_000), 1L << 40)) {
            day.saveTo(store);
            AlipayBillArchive archive = AlipayBillArchive.open(zip, day.day());
            AlipayBillReader bill = new AlipayBillReader(day.gatewayId(), day.day(), archive.detail(1L << 30),
                    archive.source(), 4096, Optional.of(BillFiles.PID + "0156"), archive);
            ReconciliationReport report = Reconciler.builder(store).feeAudit(day.feeSchedule()).build()
                    .reconcile(day.gatewayId(), new BillDownload.Available(day.day(), bill), day.carried());

            assertEquals(List.of(), day.mismatches(report), report.summary());
        }
    }

    /** The generated rows as Alipay writes them: 交易 with its 服务费, 退款 with the request number or none. */
    private static List<AlipayBillRow> rows(List<BillEntry> entries) {
        List<AlipayBillRow> rows = new ArrayList<>();
        for (BillEntry e : entries) {
            LocalDateTime at = LocalDateTime.ofInstant(e.time(), QuoteRequest.BUSINESS_ZONE);
            Money fee = Money.ofFen(e.fee().map(BilledFee::milliFen).orElse(0L) / BilledFee.MILLI_FEN_PER_FEN);
            String tradeNo = "2026120222001" + String.format("%010d", Math.abs((long) e.walletTradeNo().hashCode()));
            rows.add(new AlipayBillRow(tradeNo, e.outTradeNo(), e.kind() == dev.tenderkit.core.reconcile
                    .BillEntryKind.PAYMENT ? AlipayBillRow.Kind.TRADE : AlipayBillRow.Kind.REFUND, "商品", at, at,
                    e.amount(), e.kind() == dev.tenderkit.core.reconcile.BillEntryKind.PAYMENT ? fee : Money.ZERO,
                    e.refundRequestNo()));
        }
        return rows;
    }
}
