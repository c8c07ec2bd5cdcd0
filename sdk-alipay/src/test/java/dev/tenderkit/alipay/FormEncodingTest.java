package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormEncodingTest {
    private static String encode(String s) {
        return FormEncoding.append(new StringBuilder(), s).toString();
    }

    @Test
    void everyCharacterIsEncodedExactlyAsUrlEncoderEncodesIt() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String s = "a" + c + "b";
            assertEquals(URLEncoder.encode(s, StandardCharsets.UTF_8), encode(s), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void generatedTextsWithPairsAndLoneSurrogatesEncodeAsUrlEncoderDoes() {
        Random r = new Random(20261125L);
        char[] pool = {'a', 'Z', '9', '.', '-', '*', '_', ' ', '&', '=', '+', '/', '%', '{', '"', '\n', 'é', '花', '呗',
            '\uD83D', '\uDE00', '\uDBFF', '\uDFFF', '\u0080', '\u07FF', '\u0800', '\uFFFF'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(24); n > 0; n--) {
                sb.append(pool[r.nextInt(pool.length)]);
            }
            String s = sb.toString();
            assertEquals(URLEncoder.encode(s, StandardCharsets.UTF_8), encode(s), s);
        }
        assertEquals("biz_content=%7B%22subject%22%3A%22%E5%92%96%E5%95%A1+%F0%9F%98%80%22%7D",
                new AlipayRequest("m", java.util.Map.of(), "{\"subject\":\"咖啡 😀\"}").formBody());
    }
}
