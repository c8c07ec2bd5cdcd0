package dev.tenderkit.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A setting that cannot work is refused on build(), by name. */
class BuilderValidationTest {

    private static final String GOOD_PIN = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static String failingSetting(Runnable build) {
        return assertThrows(ConfigurationException.class, build::run).setting();
    }

    @Test
    void eachTimeoutMustBeBetweenOneMillisecondAndTenMinutes() {
        assertEquals("connectTimeout", failingSetting(() -> GatewayTransport.builder().connectTimeout(Duration.ZERO).build()));
        assertEquals("readTimeout", failingSetting(() -> GatewayTransport.builder().readTimeout(Duration.ofMinutes(11)).build()));
        assertEquals("writeTimeout", failingSetting(() -> GatewayTransport.builder().writeTimeout(Duration.ofMillis(-1)).build()));
        assertEquals("callTimeout", failingSetting(() -> GatewayTransport.builder().callTimeout(Duration.ZERO).build()));
    }

    @Test
    void theCallTimeoutMayNotBeShorterThanTheConnectTimeout() {
        assertEquals("callTimeout", failingSetting(() -> GatewayTransport.builder()
                .connectTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(1)).build()));
    }

    @Test
    void pinsMustBeSha256OfThirtyTwoBytes() {
        assertEquals("certificatePin", failingSetting(() -> GatewayTransport.builder()
                .certificatePin("openapi.alipay.com", "sha1/AAAAAAAAAAAAAAAAAAAAAAAAAAA=").build()));
        assertEquals("certificatePin", failingSetting(() -> GatewayTransport.builder()
                .certificatePin("openapi.alipay.com", "sha256/AAAA").build()));
        assertEquals("certificatePin", failingSetting(() -> GatewayTransport.builder()
                .certificatePin("https://openapi.alipay.com", GOOD_PIN).build()));
        assertEquals("certificatePin", failingSetting(() -> GatewayTransport.builder()
                .certificatePin("openapi.alipay.com").build()));
        GatewayTransport.builder().certificatePin("*.alipay.com", GOOD_PIN).build();
    }

    @Test
    void theMessageSaysWhatIsWrong() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> GatewayTransport.builder().certificatePin("openapi.alipay.com", "sha256/AAAA").build());

        assertTrue(e.getMessage().startsWith("certificatePin: pin 'sha256/AAAA' for openapi.alipay.com"), e.getMessage());
    }

    @Test
    void aRequestNeedsAnHttpUrlAnOperationAndForAPostABody() {
        assertEquals("url", failingSetting(() -> GatewayRequest.post("pay", URI.create("ftp://host/x")).body("a/b", new byte[0]).build()));
        assertEquals("url", failingSetting(() -> GatewayRequest.get("pay", URI.create("/relative")).build()));
        assertEquals("operation", failingSetting(() -> GatewayRequest.get(" ", URI.create("https://h/")).build()));
        assertEquals("body", failingSetting(() -> GatewayRequest.post("pay", URI.create("https://h/")).build()));
        assertEquals("header", failingSetting(() -> GatewayRequest.get("q", URI.create("https://h/")).header("Bad Name", "v").build()));
        assertEquals("header", failingSetting(() -> GatewayRequest.get("q", URI.create("https://h/")).header("X", "a\r\nb").build()));
    }

    @Test
    void newBuilderDerivesAVariantWithoutChangingTheOriginal() {
        GatewayTransport original = GatewayTransport.builder().callTimeout(Duration.ofSeconds(20)).build();

        GatewayTransport variant = original.newBuilder().callTimeout(Duration.ofSeconds(8)).build();

        assertEquals(Duration.ofSeconds(20), original.callTimeout());
        assertEquals(Duration.ofSeconds(8), variant.callTimeout());
    }

    @Test
    void aRequestNeverPrintsItsBody() {
        GatewayRequest request = GatewayRequest.post("alipay.trade.pay", URI.create("https://h/gateway.do?auth_code=134567890123456789"))
                .body("application/x-www-form-urlencoded", "auth_code=134567890123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();

        assertEquals("GatewayRequest[alipay.trade.pay POST https://h/gateway.do, body=28 bytes]", request.toString());
    }
}
