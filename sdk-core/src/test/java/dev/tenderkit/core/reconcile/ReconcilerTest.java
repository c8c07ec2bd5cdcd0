package dev.tenderkit.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.fee.ChannelFeeSchedule;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.FeeScheduleVersion;
import dev.tenderkit.core.fee.MethodFees;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalOptions;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.Payment;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciler's edges: what it refuses, an empty day, fees finer than a fen, and the report's formats. */
class ReconcilerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    /** 2026-11-30 12:00 in UTC+8. */
    private static final Instant NOON = Instant.parse("2026-11-30T04:00:00Z");
    private static final FeeSchedule CONTRACT = FeeSchedule.builder("c").channel(new ChannelFeeSchedule("wx",
            List.of(FeeScheduleVersion.builder("wx-2026", LocalDate.of(2026, 1, 1))
                    .add(MethodFees.builder(PaymentMethods.WECHAT_PAY, FeeRate.parse("0.60%")).build()).build())))
            .build();

    @TempDir
    Path dir;
    private JournalTransactionStore store;

    @BeforeEach
    void open() {
        store = JournalTransactionStore.open(dir.resolve("j"), Clock.systemUTC(), new JournalOptions(false, 1 << 20),
                Duration.ofDays(100_000), 1L << 40);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TradeRecord paid(String no, long fen, Instant at) {
        TradeRecord created = TradeRecord.created(new TradeIntent(no, "O-" + no, 1, TradeKind.BARCODE, "wx", "wechat",
                PaymentMethods.WECHAT_PAY.id(), Money.ofFen(fen), "s", Optional.empty(), "", Optional.empty(), at,
                at.plusSeconds(45)));
        store.save(created);
        TradeRecord paid = created.paid(new Payment("W" + no, Money.ofFen(fen), FundingSource.UNSPECIFIED, at),
                Optional.empty(), at);
        store.save(paid);
        return paid;
    }

    private static BillEntry payment(String no, long fen, String fee, String rate, long line) {
        return new BillEntry(no, "W" + no, BillEntryKind.PAYMENT, Money.ofFen(fen), Optional.empty(), NOON,
                Optional.of(BilledFee.parseYuan(fee, Optional.of(FeeRate.parse(rate)))), "SUCCESS", line);
    }

    private static BillReader reader(String gateway, List<BillEntry> rows) {
        Iterator<BillEntry> it = rows.iterator();
        return new BillReader() {
            @Override
            public String gatewayId() {
                return gateway;
            }

            @Override
            public LocalDate businessDay() {
                return DAY;
            }

            @Override
            public String source() {
                return "bill.csv";
            }

            @Override
            public Optional<BillEntry> next() {
                return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }

    private ReconciliationReport reconcile(List<BillEntry> rows) {
        return Reconciler.builder(store).feeAudit(CONTRACT).build().reconcile("wechat",
                new BillDownload.Available(DAY, reader("wechat", rows)), List.of());
    }

    @Test
    void aBillThatIsNotReadyOrOfAnotherGatewayIsRefused() {
        Reconciler reconciler = Reconciler.builder(store).build();
        assertThrows(IllegalArgumentException.class, () -> reconciler.reconcile("wechat",
                new BillDownload.NotReady(DAY, "STATEMENT_CREATING", "正在生成"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> reconciler.reconcile("wechat",
                new BillDownload.Available(DAY, reader("alipay", List.of())), List.of()));
        assertThrows(ConfigurationException.class, () -> Reconciler.builder(store).midnightMargin(Duration.ZERO).build());
    }

    @Test
    void aDayTheWalletSaysHadNoTradesStillFindsOurPayments() {
        paid("T1", 8800, NOON);
        ReconciliationReport report = Reconciler.builder(store).build().reconcile("wechat",
                new BillDownload.NoTrades(DAY, "NO_STATEMENT_EXIST"), List.of());
        assertEquals(1, report.discrepancies().size());
        assertEquals(DiscrepancyKind.PAID_HERE_NOT_ON_BILL, report.discrepancies().get(0).kind());
        assertEquals(Optional.of("O-T1"), report.discrepancies().get(0).orderId());
        assertFalse(report.isClean());
    }

    @Test
    void feesFinerThanAFenAreComparedAsTheContractRounds() {
        paid("T1", 8800, NOON);   // 0.60% of 88.00 = 0.528 → 0.53 contracted
        paid("T2", 8800, NOON);
        paid("T3", 10000, NOON);
        ReconciliationReport report = reconcile(List.of(payment("T1", 8800, "0.52800", "0.60%", 2),
                payment("T2", 8800, "0.53000", "0.60%", 3), payment("T3", 10000, "1.00000", "1.00%", 4)));

        FeeAudit audit = report.feeAudit().orElseThrow();
        assertEquals(3, audit.audited());
        assertEquals(1, audit.discrepancies().size(), "only the 1.00% row differs");
        FeeDiscrepancy d = audit.discrepancies().get(0);
        assertEquals("T3", d.outTradeNo());
        assertEquals(Money.ofFen(60), d.contractedFee());
        assertEquals(40_000, d.overchargeMilliFen());
        assertEquals(4, d.billLine());
        assertEquals(40_000, audit.overchargeMilliFen());
        assertEquals(40_000 - 200, audit.netDifferenceMilliFen(), "T1 was billed 0.2 fen under the rounded contract");
        assertEquals(80_000, FeeAudit.sum(List.of(audit, audit)).overchargeMilliFen());
        assertEquals(3, report.matchedPayments());
        assertTrue(report.discrepancies().isEmpty());
    }

    @Test
    void theReportIsWrittenAsJsonCsvAndASummary() throws Exception {
        paid("T1", 8800, NOON);
        paid("T2", 100, NOON);
        List<BillEntry> rows = new ArrayList<>(List.of(payment("T1", 8800, "0.53", "0.60%", 2),
                payment("T2", 101, "0.01", "0.60%", 3), payment("X,1", 500, "0.03", "0.60%", 4)));
        ReconciliationReport report = reconcile(rows);

        StringWriter json = new StringWriter();
        report.writeJson(json);
        assertTrue(json.toString().contains("\"format\" : \"tenderkit.reconciliation/1\""), json.toString());
        assertTrue(json.toString().contains("\"kind\" : \"AMOUNT_DIFFERS\""), json.toString());
        assertTrue(json.toString().contains("\"kind\" : \"CHARGED_ON_BILL_NOT_HERE\""), json.toString());
        StringWriter csv = new StringWriter();
        report.writeCsv(csv);
        String[] lines = csv.toString().split("\n");
        assertEquals(3, lines.length, csv.toString());
        assertTrue(lines[0].startsWith("record,kind,action,out_trade_no"));
        assertTrue(lines[2].contains("CHARGED_ON_BILL_NOT_HERE,REFUND_BUYER,\"X,1\""), lines[2]);
        assertTrue(report.summary().contains("1 × AMOUNT_DIFFERS → ESCALATE"), report.summary());
        assertEquals(1, report.matchedPayments());
    }
}
