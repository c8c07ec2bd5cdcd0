package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import dev.tenderkit.core.payment.spi.PrecreateResult;
import dev.tenderkit.core.payment.spi.TradeRef;
import dev.tenderkit.testkit.alipay.Fault;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alipay sends URLs with {@code \/} while its signature covers the text with {@code /} (alipay.md §2):
 * the adapter must accept that, and still reject an answer whose signature covers neither form.
 */
class AlipayEscapedSlashTest {
    private static final SimulatedAlipayKeys KEYS = SimulatedAlipayKeys.generate();

    private SimulatedAlipay alipay;
    private AlipayGateway gateway;

    @BeforeEach
    void start() {
        alipay = SimulatedAlipay.builder(KEYS).start().escapeSlashes(true);
        gateway = AlipayGateway.builder()
                .credentials(AlipayCredentials.builder().appId(alipay.appId()).appPrivateKey(KEYS.appPrivateKeyPem())
                        .alipayPublicKey(KEYS.alipayPublicKeyPem()).build())
                .gatewayUrl(alipay.gatewayUrl())
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(5)).build())
                .build();
    }

    @AfterEach
    void stop() {
        alipay.close();
    }

    private PrecreateResult precreate(String outTradeNo) {
        return gateway.precreate(new PrecreateRequest(new TradeRef(outTradeNo, "alipay-direct"), Money.parse("6.00"), "面包",
                PaymentMethods.ALIPAY, Duration.ofMinutes(10), true));
    }

    @Test
    void aQrCodeSentWithEscapedSlashesIsAcceptedAndReadUnescaped() {
        PrecreateResult.Created c = assertInstanceOf(PrecreateResult.Created.class, precreate("ES1"));
        assertTrue(c.qrCode().startsWith("https://qr.alipay.com/bax0"), c.qrCode());
        assertEquals(alipay.ledger().trade("ES1").orElseThrow().tradeNo().substring(8 + 2 + 6), c.qrCode().substring(26));
    }

    @Test
    void anEscapedAnswerWhoseSignatureCoversOtherTextIsNeverTakenForAnOutcome() {
        alipay.failNext(Fault.badSignature());
        PrecreateResult.Unknown u = assertInstanceOf(PrecreateResult.Unknown.class, precreate("ES2"));
        assertTrue(u.reason().contains("BAD_SIGNATURE"), u.reason());
    }
}
