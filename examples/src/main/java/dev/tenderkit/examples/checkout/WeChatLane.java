package dev.tenderkit.examples.checkout;

import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.BarcodePaymentRequest;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.spi.GatewayTiming;
import dev.tenderkit.testkit.wechat.BuyerScript;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.wechat.WeChatPayCredentials;
import dev.tenderkit.wechat.WeChatPayGateway;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The main example's WeChat Pay lane: the same engine takes the codes the classifier names WeChat
 * Pay's (10–15…) through the WeChat adapter against the testkit's simulated WeChat Pay, a loopback
 * APIv3 server with its own signing. A buyer who pays at once, one who enters her PIN first, one
 * who never does (reversed at the deadline, compressed to 5 s instead of WeChat's 45), one whose
 * balance is short, and a WeChat payment the doctor refuses because the merchant has no WeChat Pay
 * contract on record.
 */
final class WeChatLane {
    static final String PAYS_AT_ONCE = "134567890123456789";
    static final String ENTERS_PIN = "131111111111111111";
    static final String NEVER_ENTERS_PIN = "132222222222222222";
    static final String BALANCE_SHORT = "133333333333333333";

    private WeChatLane() {
    }

    /** @return the simulated WeChat Pay with the lane's buyers scripted */
    static SimulatedWeChatPay start(SimulatedWeChatPayKeys keys) {
        SimulatedWeChatPay wechat = SimulatedWeChatPay.builder(keys).start();
        wechat.script(ENTERS_PIN, BuyerScript.pinFor(2).withBankType("CMB_DEBIT"));
        wechat.script(NEVER_ENTERS_PIN, BuyerScript.neverPays());
        wechat.script(BALANCE_SHORT, BuyerScript.insufficientBalance());
        return wechat;
    }

    /** @return the WeChat Pay gateway as a POS configures it: the merchant's keys, WeChat Pay's public key, the till */
    static WeChatPayGateway gateway(SimulatedWeChatPay wechat, SimulatedWeChatPayKeys keys) {
        WeChatPayCredentials credentials = WeChatPayCredentials.builder().mchid(wechat.mchid()).appid(wechat.appid())
                .merchantPrivateKey(keys.merchantPrivateKeyPem()).merchantSerialNumber(keys.merchantCertificateSerial())
                .merchantCertificate(keys.merchantCertificatePem()).apiV3Key(keys.apiV3Key())
                .wechatPayPublicKey(keys.wechatPublicKeyPem(), keys.publicKeyId()).build();
        return WeChatPayGateway.builder().credentials(credentials)
                .transport(GatewayTransport.builder().readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10))
                        .build())
                .baseUrl(wechat.baseUrl()).deviceId("POS-T0001").storeId("M1001-01")
                // WeChat's shape (poll every ~5 s, give up at 45 s), compressed so the demo is quick
                .timing(GatewayTiming.builder().firstQueryAfter(Duration.ofMillis(300)).pollEvery(Duration.ofMillis(500))
                        .buyerDeadline(Duration.ofSeconds(5)).reversalBackoff(Duration.ofMillis(200), 2.0,
                                Duration.ofSeconds(2)).build())
                .build();
    }

    /**
     * Trades 8 to 12 on the engine that also holds the Alipay gateway.
     *
     * @param withoutWeChat the terminal's context with the merchant's WeChat Pay contract left out
     */
    static void run(PrintStream out, PaymentEngine engine, SimulatedWeChatPay wechat,
            AtomicReference<CheckoutContext> terminal, Function<CheckoutContext, CheckoutContext> withoutWeChat) {
        out.println();
        out.println("WeChat Pay: the same engine, the codes the classifier names WeChat Pay's, against the simulated"
                + " WeChat Pay at " + wechat.baseUrl());
        AlipayCheckoutExample.pay(out, engine, "8. WeChat Pay, paid at once", BarcodePaymentRequest.of("ORDER-2008",
                Money.parse("32.00"), PAYS_AT_ONCE, "奶茶 milk tea"));
        AlipayCheckoutExample.pay(out, engine, "9. WeChat Pay, the buyer enters her PIN first (USERPAYING, then polled)",
                BarcodePaymentRequest.of("ORDER-2009", Money.parse("1299.00"), ENTERS_PIN, "耳机 headphones"));
        AlipayCheckoutExample.pay(out, engine, "10. WeChat Pay, the buyer never enters her PIN (deadline compressed to 5 s)",
                BarcodePaymentRequest.of("ORDER-2010", Money.parse("58.00"), NEVER_ENTERS_PIN, "雨伞 umbrella"));
        AlipayCheckoutExample.pay(out, engine, "11. WeChat Pay, the buyer's balance is short (NOT_ENOUGH)",
                BarcodePaymentRequest.of("ORDER-2011", Money.parse("5000.00"), BALANCE_SHORT, "手机 phone"));
        CheckoutContext contracted = terminal.get();
        terminal.set(withoutWeChat.apply(contracted));
        TradeOutcome refused = AlipayCheckoutExample.pay(out, engine, "12. WeChat Pay at a merchant whose record has no"
                + " WeChat Pay contract — the doctor refuses before sending", BarcodePaymentRequest.of("ORDER-2012",
                Money.parse("12.00"), PAYS_AT_ONCE, "报纸 newspaper"));
        terminal.set(contracted);
        out.println("    sent to WeChat Pay for it: " + (refused instanceof TradeOutcome.Refused ? "nothing" : "a request"));
        out.println();
        out.println("the simulated WeChat Pay's ledger: " + wechat.ledger().trades().values().stream()
                .map(t -> t.outTradeNo() + " " + t.state() + " " + t.total() + ", holds " + t.charged()).toList());
    }
}
