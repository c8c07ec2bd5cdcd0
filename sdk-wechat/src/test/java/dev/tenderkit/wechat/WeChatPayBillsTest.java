package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.reconcile.BillDownload;
import dev.tenderkit.core.reconcile.BillEntry;
import dev.tenderkit.core.reconcile.BillEntryKind;
import dev.tenderkit.core.reconcile.BillUnavailableException;
import dev.tenderkit.core.reconcile.MalformedBillException;
import dev.tenderkit.testkit.wechat.Fault;
import dev.tenderkit.testkit.wechat.SimulatedWeChatBills.BillFault;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WeChatPayBills against the simulated WeChat Pay: the apply, its verification, the download and its hash. */
class WeChatPayBillsTest {

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aDaysBillIsDownloadedCheckedAndReadAsTheLedgerHasIt(@TempDir Path dir) throws IOException {
        try (SimulatedBillDay day = new SimulatedBillDay(dir)) {
            day.wechat.bills().chargeTheTillNeverSaw("T-1", Money.ofFen(1234));
            day.wechat.bills().feeRateForBank("OTHERS", FeeRate.parse("0.38%"));
            day.afterMidnight();
            BillDownload d = day.bills().download(SimulatedBillDay.DAY);
            assertEquals(1, filesIn(dir), "one checked, decompressed file while the reader is open");
            List<BillEntry> entries = SimulatedBillDay.entries(d);
            assertEquals(1, entries.size());
            BillEntry e = entries.get(0);
            assertEquals("T-1", e.outTradeNo());
            assertEquals(day.wechat.ledger().trade("T-1").orElseThrow().transactionId(), e.walletTradeNo());
            assertEquals(BillEntryKind.PAYMENT, e.kind());
            assertEquals(Money.ofFen(1234), e.amount());
            assertEquals(5000, e.fee().orElseThrow().milliFen(), "12.34 × 0.38% = 0.0469 → 0.05");
            assertEquals(FeeRate.parse("0.38%"), e.fee().orElseThrow().rate().orElseThrow());
            assertEquals(0, filesIn(dir), "close() deletes the bill");
            List<SimulatedWeChatPay.Received> calls = day.wechat.received();
            assertEquals(List.of("tradebill", "bill-download"), calls.stream().map(SimulatedWeChatPay.Received::endpoint)
                    .toList());
            assertEquals("/v3/bill/tradebill?bill_date=2026-12-02&bill_type=ALL&tar_type=GZIP", calls.get(0).url());
            assertTrue(calls.get(1).authentic(), "the download is signed with the merchant's key");
        }
    }

    @Test
    void aDayThatHasNotEndedInBeijingIsNotReadyWithoutACall(@TempDir Path dir) {
        try (SimulatedBillDay day = new SimulatedBillDay(dir)) {
            day.wechat.bills().chargeTheTillNeverSaw("T-1", Money.ofFen(100));
            BillDownload.NotReady n = assertInstanceOf(BillDownload.NotReady.class,
                    day.bills().download(SimulatedBillDay.DAY));
            assertEquals("DAY_NOT_ENDED", n.walletCode());
            assertEquals(List.of(), day.wechat.received());
        }
    }

    @Test
    void noStatementIsNoTradesAndStatementCreatingIsNotReady(@TempDir Path dir) {
        try (SimulatedBillDay day = new SimulatedBillDay(dir)) {
            day.afterMidnight();
            BillDownload.NoTrades none = assertInstanceOf(BillDownload.NoTrades.class,
                    day.bills().download(SimulatedBillDay.DAY));
            assertEquals("NO_STATEMENT_EXIST", none.walletCode());
            day.wechat.bills().readyAfter(Duration.ofHours(10));
            BillDownload.NotReady later = assertInstanceOf(BillDownload.NotReady.class,
                    day.bills().download(SimulatedBillDay.DAY));
            assertEquals("STATEMENT_CREATING", later.walletCode());
        }
    }

    @Test
    void anotherRefusalIsUnavailableNamingTheCode(@TempDir Path dir) {
        try (SimulatedBillDay day = new SimulatedBillDay(dir)) {
            day.afterMidnight();
            day.wechat.failNext("tradebill", Fault.refusal(403, "NO_AUTH", Fault.When.BEFORE_LEDGER));
            BillUnavailableException e = assertThrows(BillUnavailableException.class,
                    () -> day.bills().download(SimulatedBillDay.DAY));
            assertTrue(e.getMessage().contains("NO_AUTH"), e.getMessage());
        }
    }

    @Test
    void anUnverifiableAnswerIsUnavailableAndNothingIsDownloaded(@TempDir Path dir) throws IOException {
        try (SimulatedBillDay day = new SimulatedBillDay(dir)) {
            day.wechat.bills().chargeTheTillNeverSaw("T-1", Money.ofFen(100));
            day.afterMidnight();
            day.wechat.failNext("tradebill", Fault.badSignature());
            BillUnavailableException e = assertThrows(BillUnavailableException.class,
                    () -> day.bills().download(SimulatedBillDay.DAY));
            assertTrue(e.getMessage().contains("BAD_SIGNATURE"), e.getMessage());
            // a forged NO_STATEMENT_EXIST must not pass for "no trades"
            day.wechat.failNext("tradebill", Fault.forgedError(400, "NO_STATEMENT_EXIST", Fault.When.BEFORE_LEDGER));
            assertThrows(BillUnavailableException.class, () -> day.bills().download(SimulatedBillDay.DAY));
            assertEquals(0, day.wechat.received().stream().filter(r -> r.endpoint().equals("bill-download")).count());
            assertEquals(0, filesIn(dir));
        }
    }

    @Test
    void aFileWhoseHashDoesNotMatchIsMalformedAndLeavesNothing(@TempDir Path dir) throws IOException {
        try (SimulatedBillDay day = new SimulatedBillDay(dir)) {
            day.wechat.bills().chargeTheTillNeverSaw("T-1", Money.ofFen(100));
            day.afterMidnight();
            day.wechat.bills().failNextDownload(BillFault.WRONG_HASH);
            MalformedBillException e = assertThrows(MalformedBillException.class,
                    () -> day.bills().download(SimulatedBillDay.DAY));
            assertEquals(-1, e.line());
            assertTrue(e.problem().contains("SHA-1"), e.getMessage());
            assertEquals(0, filesIn(dir));
            day.wechat.bills().failNextDownload(BillFault.TRUNCATED);
            MalformedBillException cut = assertThrows(MalformedBillException.class,
                    () -> day.bills().download(SimulatedBillDay.DAY));
            assertEquals(-1, cut.line());
            assertEquals(0, filesIn(dir));
            assertEquals(1, SimulatedBillDay.entries(day.bills().download(SimulatedBillDay.DAY)).size(),
                    "asked again, the sound file is read");
        }
    }

    @Test
    void anExpiredLinkABillOverTheLimitAndAResetAreUnavailable(@TempDir Path dir) throws IOException {
        try (SimulatedBillDay day = new SimulatedBillDay(dir)) {
            day.wechat.bills().chargeTheTillNeverSaw("T-1", Money.ofFen(100));
            day.afterMidnight();
            day.wechat.bills().linkValidity(Duration.ZERO);
            BillUnavailableException expired = assertThrows(BillUnavailableException.class,
                    () -> day.bills().download(SimulatedBillDay.DAY));
            assertTrue(expired.getMessage().contains("INVALID_REQUEST"), expired.getMessage());
            day.wechat.bills().linkValidity(Duration.ofSeconds(30));
            BillUnavailableException large = assertThrows(BillUnavailableException.class,
                    () -> day.bills(64).download(SimulatedBillDay.DAY));
            assertTrue(large.getMessage().contains("limit"), large.getMessage());
            day.wechat.failNext("bill-download", Fault.reset(Fault.When.BEFORE_LEDGER));
            assertThrows(BillUnavailableException.class, () -> day.bills().download(SimulatedBillDay.DAY));
            assertEquals(0, filesIn(dir));
        }
    }

    @Test
    void theBuilderNamesWhatIsMissing(@TempDir Path dir) {
        try (SimulatedBillDay day = new SimulatedBillDay(dir)) {
            assertEquals("gateway", assertThrows(ConfigurationException.class,
                    () -> WeChatPayBills.builder().gatewayId("w").build()).setting());
            assertEquals("gatewayId", assertThrows(ConfigurationException.class,
                    () -> WeChatPayBills.builder().gateway(day.gateway).build()).setting());
            assertEquals("temporaryDirectory", assertThrows(ConfigurationException.class,
                    () -> WeChatPayBills.builder().gateway(day.gateway).gatewayId("w")
                            .temporaryDirectory(dir.resolve("missing")).build()).setting());
            assertEquals("maxBytes", assertThrows(ConfigurationException.class,
                    () -> WeChatPayBills.builder().gateway(day.gateway).gatewayId("w").maxBytes(0).build()).setting());
        }
    }
}
