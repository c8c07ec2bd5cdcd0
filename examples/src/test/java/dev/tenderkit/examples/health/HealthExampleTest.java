package dev.tenderkit.examples.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the example as the README does (no arguments) and reads what it prints. */
class HealthExampleTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HealthExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertLine(String output, String regex) {
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(output).find(),
                "no line matching /" + regex + "/ in:\n" + output);
    }

    @Test
    void aFullCheckShowsTheClosedGatewayFailingWithItsRemedyAndAlipayRefusedForIt() {
        Run r = run();
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertLine(out, "^full check at 2026-11-25T10:00.*: FAIL \\(1 FAIL, 4 WARN, 4 OK\\)$");
        assertLine(out, "^  OK    network\\.gateway\\.wechat-direct$");
        assertLine(out, "^  FAIL  network\\.gateway\\.alipay-direct$");
        assertLine(out, "^        the alipay-direct gateway 127\\.0\\.0\\.1:\\d+ refused the connection");
        assertLine(out, "^        remedy: check the gateway address and port configured for alipay-direct");
        assertLine(out, "^        处理：核对为 alipay-direct 配置的网关地址和端口");
        assertLine(out, "^  WARN  clock\\.skew$");
        assertLine(out, "^        the terminal clock is 1 min 35 s behind ntp\\.example\\.test$");
        assertLine(out, "^  OK    storage\\.journal$");
        assertLine(out, "^  WARN  terminal\\.software\\.update-available$");
        assertLine(out, "^  WARN  peripheral\\.printer$");
        assertLine(out, "^  WARN  power$");

        assertLine(out, "^  NO  alipay +TERMINAL_UNHEALTHY$");
        assertLine(out, "^  OK  wechat +via wechat-direct  \\(3 warnings\\)$");
        assertLine(out, "^  TERMINAL_UNHEALTHY: the alipay-direct gateway 127\\.0\\.0\\.1:\\d+ refused the connection");
        assertLine(out, "^    remedy PERFORM_MAINTENANCE: check the gateway address and port configured for alipay-direct");
        assertLine(out, "^  with a healthy terminal, alipay is accepted via alipay-direct$");
        assertEquals("", r.err());
    }

    @Test
    void theTemporaryJournalIsRemovedAfterwards() {
        Matcher m = Pattern.compile("the journal directory (\\S+) takes synced writes").matcher(run().out());
        assertTrue(m.find());
        assertFalse(Files.exists(Path.of(m.group(1))), m.group(1));
    }

    @Test
    void anUnexpectedArgumentIsRefusedWithStatus2() {
        Run r = run("--verbose");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unexpected argument \"--verbose\""), r.err());
        assertEquals(0, run("--help").status());
    }
}
