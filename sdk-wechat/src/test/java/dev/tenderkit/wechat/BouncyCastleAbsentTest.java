package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * BouncyCastle is optional: in a child JVM given this test's class path without the
 * {@code bcprov} jar, RSA works (no BouncyCastle class is loaded on its path) and choosing SM2 fails
 * at configuration with a {@link dev.tenderkit.core.ConfigurationException} naming the setting
 * ({@code signingScheme}) and the dependency to add.
 */
class BouncyCastleAbsentTest {

    @Test
    void withoutBouncyCastleRsaWorksAndSm2FailsAtConfigurationSayingWhatToAdd() throws Exception {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String without = entries.stream().filter(e -> !Path.of(e).getFileName().toString().startsWith("bcprov"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(entries.size() > without.split(File.pathSeparator).length, "bcprov is on this test's class path");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xmx128m", "-cp", without, BouncyCastleAbsentProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe ended");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("bouncycastle: absent"), out);
        assertTrue(out.contains("rsa: WECHATPAY2-SHA256-RSA2048"), out);
        assertTrue(out.contains("sm2: signingScheme: signingScheme: SM2 (WECHATPAY2-SM2-WITH-SM3, AEAD_SM4_GCM) needs"
                + " BouncyCastle: add org.bouncycastle:bcprov-jdk18on"), out);
    }
}
