package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.QrPaymentRequest;
import dev.tenderkit.core.payment.QrTicket;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.alipay.AlipayTrade;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's findings 1, 5 and 6 through the engine, the adapter and the HTTP transport against the
 * simulated Alipay, on virtual time shared by the terminal and the wallet: a verified refusal is
 * confirmed before it is final; a QR payment honours "no Huabei" and the engine's deadline; the
 * time of a payment confirmed by a query is the wallet's.
 */
class AlipayMoneySafetyTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final String HUABEI_BUYER = "281111111111111111";
    private static final String POOR_BUYER = "282222222222222222";
    /** 23:59:50 in Beijing: a payment confirmed after midnight by a query must keep its own day. */
    private static final Instant START = Instant.parse("2026-12-02T15:59:50Z");

    @TempDir
    Path dir;
    private ManualTaskScheduler time;
    private SimulatedAlipay alipay;
    private JournalTransactionStore journal;
    private PaymentEngine engine;

    @BeforeEach
    void start() {
        time = new ManualTaskScheduler(START);
        alipay = SimulatedAlipay.builder(KEYS).appId("2021000000000001").clock(time.clock()).start();
        journal = JournalTransactionStore.open(dir.resolve("trades.journal"), time.clock());
        AlipayGateway gateway = AlipayGateway.builder()
                .credentials(AlipayCredentials.builder().appId(alipay.appId())
                        .appPrivateKey(KEYS.appPrivateKeyPem()).alipayPublicKey(KEYS.alipayPublicKeyPem()).build())
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofSeconds(10)).build())
                .gatewayUrl(alipay.gatewayUrl()).clock(time.clock())
                .timing(new GatewayTiming(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10),
                        Duration.ofSeconds(60), Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30), 5))
                .build();
        // The merchant has not signed Huabei on its only channel: credit must be disabled at Alipay.
        CapabilityPolicy policy = CapabilityPolicy.builder().version("t").issuedAt(START).maxAge(Duration.ofDays(1))
                .channel(new ChannelProfile("alipay-direct", LocalizedText.of("支付宝直连", "Alipay direct"),
                        LicenceKind.WALLET_DIRECT, List.of(ChannelOffering.of(PaymentMethods.ALIPAY, false),
                                ChannelOffering.of(PaymentMethods.ALIPAY_HUABEI, true))))
                .build();
        CheckoutContext context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2", "SN",
                SoftwareVersion.parse("1"), EnumSet.allOf(Peripheral.class), Set.of(), Set.of()),
                new MerchantProfile("M", "M", "5411", List.of("alipay-direct"), List.of()));
        engine = PaymentEngine.builder().terminalId("T1")
                .resolver(CapabilityResolver.builder().policy(policy).serviceLoader(false).build())
                .context(() -> context).store(journal).gateway("alipay-direct", gateway).scheduler(time).build();
    }

    @AfterEach
    void stop() {
        journal.close();
        alipay.close();
    }

    private List<String> methods() {
        return alipay.received().stream().map(SimulatedAlipay.Received::method).toList();
    }

    @Test
    void aVerifiedRefusalIsFinalOnlyAfterAQueryAndACancelConfirmNothingIsCharged() {
        alipay.script(POOR_BUYER, BuyerScript.insufficientBalance());
        CompletableFuture<TradeOutcome> f = engine.payAsync(BarcodePaymentRequest.of("ORD-1", Money.parse("88.00"),
                POOR_BUYER, "咖啡"));
        time.runDueTasks();
        TradeOutcome.Failed failed = assertInstanceOf(TradeOutcome.Failed.class, f.getNow(null));
        assertEquals(Cause.BUYER_INSUFFICIENT_FUNDS, failed.error().cause(), "the cashier still hears the buyer's cause");
        assertEquals(List.of("alipay.trade.pay", "alipay.trade.query", "alipay.trade.cancel"), methods());
        AlipayTrade closed = alipay.ledger().trade(failed.trade().outTradeNo()).orElseThrow();
        assertEquals(AlipayTrade.Status.TRADE_CLOSED, closed.status(), "the number is closed: a late pay is refused");
        assertEquals(Money.ZERO, closed.charged());
    }

    @Test
    void aQrPaymentOfAMerchantWithoutHuabeiDisablesCreditAndTheBuyerPaysFromTheBalance() {
        QrTicket ticket = engine.startQr(new QrPaymentRequest("ORD-2", Money.parse("88.00"), "咖啡",
                PaymentMethods.ALIPAY, Duration.ofMinutes(5), Optional.empty()));
        time.runDueTasks();
        assertTrue(ticket.qrCode().isDone());
        String biz = alipay.received().get(0).params().get("biz_content");
        assertTrue(biz.contains("\"disable_pay_channels\":\"pcredit,"), biz);
        assertTrue(biz.contains("\"timeout_express\":\"5m\""), "the wallet closes the code at the engine's deadline: " + biz);
        assertTrue(alipay.buyerScansQr(ticket.outTradeNo().orElseThrow(), true), "the buyer would pay with Huabei");
        time.advance(Duration.ofSeconds(10));
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, ticket.outcome().getNow(null));
        assertFalse(paid.payment().fundingSource().credit(), "credit was disabled: paid from the balance");
    }

    @Test
    void aQrCodeNobodyPaysIsClosedByTheWalletAtTheEngineDeadlineAndCannotBePaidAfter() {
        QrTicket ticket = engine.startQr(new QrPaymentRequest("ORD-3", Money.parse("18.00"), "咖啡",
                PaymentMethods.ALIPAY, Duration.ofMinutes(2), Optional.empty()));
        time.runDueTasks();
        time.advance(Duration.ofMinutes(2));
        time.advance(Duration.ofSeconds(30));
        assertInstanceOf(TradeOutcome.Reversed.class, ticket.outcome().getNow(null));
        assertFalse(alipay.buyerScansQr(ticket.outTradeNo().orElseThrow(), false), "closed at the wallet too");
    }

    @Test
    void thePaymentTimeOfATradeConfirmedByAQueryIsTheWalletsNotTheTerminals() {
        alipay.script(HUABEI_BUYER, BuyerScript.userPayingFor(Integer.MAX_VALUE));
        CompletableFuture<TradeOutcome> f = engine.payAsync(BarcodePaymentRequest.of("ORD-4", Money.parse("88.00"),
                HUABEI_BUYER, "咖啡"));
        time.runDueTasks();
        String no = engine.tradeForOrder("ORD-4").orElseThrow().outTradeNo();
        time.advance(Duration.ofSeconds(3));   // 23:59:53 in Beijing
        assertTrue(alipay.buyerConfirms(no));
        time.advance(Duration.ofSeconds(7));   // the poll at 00:00:00 of the next day finds it paid
        TradeOutcome.Paid paid = assertInstanceOf(TradeOutcome.Paid.class, f.getNow(null));
        assertEquals(START.plusSeconds(3), paid.payment().paidAt(), "send_pay_date, the wallet's time of payment");
        assertEquals(START.plusSeconds(3), journal.find(no).orElseThrow().payment().orElseThrow().paidAt());
    }

    @Test
    void aRefusedQrPaymentIsFinalOnlyAfterItsNumberIsConfirmedClosed() {
        alipay.restrictedIndustry(true);
        QrTicket ticket = engine.startQr(new QrPaymentRequest("ORD-5", Money.parse("88.00"), "咖啡",
                PaymentMethods.ALIPAY, Duration.ofMinutes(5), Optional.empty()));
        time.runDueTasks();
        assertTrue(ticket.qrCode().isCompletedExceptionally(), "no code to show");
        TradeOutcome.Failed failed = assertInstanceOf(TradeOutcome.Failed.class, ticket.outcome().getNow(null));
        assertEquals(Cause.MERCHANT_CATEGORY_RESTRICTED, failed.error().cause());
        assertEquals(List.of("alipay.trade.precreate", "alipay.trade.query", "alipay.trade.cancel"), methods(),
                "a refusal names no trade: queried, and the number closed by a cancel, before it stands");
    }
}
