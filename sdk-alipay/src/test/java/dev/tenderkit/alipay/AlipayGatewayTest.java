package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PayRequest;
import dev.tenderkit.core.payment.spi.PayResult;
import dev.tenderkit.core.payment.spi.QueryResult;
import dev.tenderkit.core.payment.spi.RefundQueryResult;
import dev.tenderkit.core.payment.spi.RefundRequest;
import dev.tenderkit.core.payment.spi.RefundResult;
import dev.tenderkit.core.payment.spi.ReverseResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.testkit.alipay.BuyerScript;
import dev.tenderkit.testkit.alipay.Fault;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Alipay adapter against the simulated Alipay: a real HTTP server on loopback with its own signing. */
class AlipayGatewayTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();
    private static final String CODE = "281234567890123456";

    private SimulatedAlipay alipay;
    private AlipayGateway gateway;

    @BeforeEach
    void start() {
        alipay = SimulatedAlipay.builder(KEYS).appId("2021000000000001").start();
        AlipayCredentials credentials = AlipayCredentials.builder().appId(alipay.appId())
                .appPrivateKey(KEYS.appPrivateKeyPem()).alipayPublicKey(KEYS.alipayPublicKeyPem()).build();
        gateway = AlipayGateway.builder().credentials(credentials).gatewayUrl(alipay.gatewayUrl())
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(2))
                        .callTimeout(Duration.ofSeconds(5)).build())
                .build();
    }

    @AfterEach
    void stop() {
        alipay.close();
    }

    private PayRequest pay(String outTradeNo, String code) {
        return new PayRequest(new TradeRef(outTradeNo, "alipay-direct"), Money.parse("88.00"),
                PaymentCodeClassifier.standard().classify(code), "咖啡 coffee & cake", PaymentMethods.ALIPAY,
                Optional.empty(), true);
    }

    @Test
    void aBuyerWhoPaysAtOnceIsPaidWithTheWalletsTradeNumber() {
        PayResult.Paid paid = assertInstanceOf(PayResult.Paid.class, gateway.pay(pay("T1", CODE)));
        assertEquals(Money.parse("88.00"), paid.payment().amount());
        assertTrue(!paid.payment().gatewayTradeNo().isEmpty());
        assertEquals(Money.parse("88.00"), alipay.ledger().trade("T1").orElseThrow().charged());
    }

    @Test
    void aBuyerEnteringAPasswordIsAwaitedThenPaidFromHuabei() {
        alipay.script(CODE, BuyerScript.userPayingFor(1).fromHuabei());
        assertInstanceOf(PayResult.AwaitingBuyer.class, gateway.pay(pay("T2", CODE)));
        assertInstanceOf(QueryResult.AwaitingBuyer.class, gateway.query(new TradeRef("T2", "alipay-direct")));
        QueryResult.Paid paid = assertInstanceOf(QueryResult.Paid.class,
                gateway.query(new TradeRef("T2", "alipay-direct")));
        assertTrue(paid.payment().fundingSource().credit(), "PCREDIT is Huabei");
    }

    @Test
    void aBuyerWithoutFundsIsDeclinedWithABuyerSideCause() {
        alipay.script(CODE, BuyerScript.insufficientBalance());
        PayResult.Declined d = assertInstanceOf(PayResult.Declined.class, gateway.pay(pay("T3", CODE)));
        assertEquals(Cause.BUYER_INSUFFICIENT_FUNDS, d.error().cause());
    }

    @Test
    void anAnswerWithABadSignatureIsNeverTakenForAnOutcome() {
        alipay.failNext(Fault.badSignature());
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay("T4", CODE)));
        // The wallet did charge; only a verified query may say so.
        assertInstanceOf(QueryResult.Paid.class, gateway.query(new TradeRef("T4", "alipay-direct")));
    }

    @Test
    void aConnectionResetAfterTheChargeIsUnknownAndTheCancelReturnsTheMoney() {
        alipay.failNext(Fault.reset(Fault.When.AFTER_LEDGER));
        assertInstanceOf(PayResult.Unknown.class, gateway.pay(pay("T5", CODE)));
        ReverseResult.Reversed r = assertInstanceOf(ReverseResult.Reversed.class,
                gateway.reverse(new TradeRef("T5", "alipay-direct")));
        assertTrue(r.refundedPayment());
        assertEquals(Money.ZERO, alipay.ledger().trade("T5").orElseThrow().charged());
    }

    @Test
    void anUnknownTradeIsNotFoundAndAPartialRefundIsIdempotent() {
        assertInstanceOf(QueryResult.NotFound.class, gateway.query(new TradeRef("NOPE", "alipay-direct")));
        gateway.pay(pay("T6", CODE));
        RefundRequest refund = new RefundRequest(new TradeRef("T6", "alipay-direct"), "R1", Money.parse("30.00"),
                Money.parse("88.00"), "退货");
        // Alipay's refund answer names the trade, not the request: accepted, and confirmed by the query
        assertInstanceOf(RefundResult.Accepted.class, gateway.refund(refund));
        assertInstanceOf(RefundResult.Accepted.class, gateway.refund(refund));
        assertEquals(Money.parse("58.00"), alipay.ledger().trade("T6").orElseThrow().charged());
        RefundQueryResult.Refunded confirmed = assertInstanceOf(RefundQueryResult.Refunded.class,
                gateway.queryRefund(new TradeRef("T6", "alipay-direct"), "R1"));
        assertEquals(Money.parse("30.00"), confirmed.amount());
        assertInstanceOf(RefundQueryResult.NotFound.class, gateway.queryRefund(new TradeRef("T6", "alipay-direct"), "R2"));
    }

    @Test
    void theGatewayUrlIsHttpsOrPlainHttpToALoopbackSimulatorAndNothingElse() {
        AlipayCredentials credentials = AlipayCredentials.builder().appId(alipay.appId())
                .appPrivateKey(KEYS.appPrivateKeyPem()).alipayPublicKey(KEYS.alipayPublicKeyPem()).build();
        GatewayTransport transport = GatewayTransport.builder().build();
        for (String ok : List.of("https://openapi.alipay.com/gateway.do", "HTTPS://openapi.alipay.com/gateway.do",
                "http://127.0.0.1:8080/gateway.do", "http://localhost/gateway.do")) {
            AlipayGateway.builder().credentials(credentials).transport(transport).gatewayUrl(URI.create(ok)).build();
        }
        for (String bad : List.of("ftp://127.0.0.1/gateway.do", "ftp://openapi.alipay.com/gateway.do",
                "http://openapi.alipay.com/gateway.do", "file:///etc/passwd", "openapi.alipay.com/gateway.do")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> AlipayGateway.builder()
                    .credentials(credentials).transport(transport).gatewayUrl(URI.create(bad)).build(), bad);
            assertTrue(e.getMessage().contains("gatewayUrl") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
