package dev.tenderkit.examples.endofday;

import dev.tenderkit.alipay.AlipayBills;
import dev.tenderkit.alipay.AlipayCredentials;
import dev.tenderkit.alipay.AlipayGateway;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.alipay.SimulatedAlipay;
import dev.tenderkit.testkit.alipay.SimulatedAlipayKeys;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPay;
import dev.tenderkit.testkit.wechat.SimulatedWeChatPayKeys;
import dev.tenderkit.transport.http.GatewayTransport;
import dev.tenderkit.wechat.WeChatPayBills;
import dev.tenderkit.wechat.WeChatPayCredentials;
import dev.tenderkit.wechat.WeChatPayGateway;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Both simulated wallets on the example's virtual clock, the gateways a POS configures for them, and the bill
 * sources built from those gateways (the same keys, the same verification).
 */
final class Wallets implements AutoCloseable {
    final SimulatedAlipay alipay;
    final SimulatedWeChatPay wechat;
    final AlipayGateway alipayGateway;
    final WeChatPayGateway wechatGateway;
    final AlipayBills alipayBills;
    final WeChatPayBills wechatBills;

    Wallets(ManualTaskScheduler time, Path billDir) {
        SimulatedAlipayKeys alipayKeys = SimulatedAlipayKeys.generate();
        alipay = SimulatedAlipay.builder(alipayKeys).clock(time.clock()).start();
        SimulatedWeChatPayKeys wechatKeys = SimulatedWeChatPayKeys.generate();
        wechat = SimulatedWeChatPay.builder(wechatKeys).scheduler(time).start();
        GatewayTransport transport = GatewayTransport.builder().readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20)).build();
        alipayGateway = AlipayGateway.builder().credentials(AlipayCredentials.builder().appId(alipay.appId())
                        .appPrivateKey(alipayKeys.appPrivateKeyPem()).alipayPublicKey(alipayKeys.alipayPublicKeyPem())
                        .build())
                .transport(transport).gatewayUrl(alipay.gatewayUrl()).clock(time.clock()).build();
        wechatGateway = WeChatPayGateway.builder().credentials(WeChatPayCredentials.builder().mchid(wechat.mchid())
                        .appid(wechat.appid()).merchantPrivateKey(wechatKeys.merchantPrivateKeyPem())
                        .merchantSerialNumber(wechatKeys.merchantCertificateSerial()).apiV3Key(wechatKeys.apiV3Key())
                        .wechatPayPublicKey(wechatKeys.wechatPublicKeyPem(), wechatKeys.publicKeyId()).build())
                .transport(transport).baseUrl(wechat.baseUrl()).deviceId("POS-T0001").storeId("M1001-01")
                .clock(time.clock()).build();
        alipayBills = AlipayBills.builder(alipayGateway).tempDirectory(billDir).merchantPid(alipay.sellerId()).build();
        wechatBills = WeChatPayBills.builder().gateway(wechatGateway).gatewayId(wechatGateway.id())
                .temporaryDirectory(billDir).build();
    }

    @Override
    public void close() {
        alipay.close();
        wechat.close();
    }
}
