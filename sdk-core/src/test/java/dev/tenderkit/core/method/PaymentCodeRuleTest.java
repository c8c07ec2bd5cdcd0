package dev.tenderkit.core.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentCodeRuleTest {

    private static final PaymentCodeRule WECHAT =
            new PaymentCodeRule(Wallet.WECHAT_PAY, "WeChat Pay", List.of("10", "11", "12", "13", "14", "15"), 18, 18);

    static Stream<Arguments> invalidRules() {
        List<String> ok = List.of("25");
        return Stream.of(
                Arguments.of("wallet", (Executable) () -> new PaymentCodeRule(null, "X", ok, 16, 24)),
                Arguments.of("label", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, null, ok, 16, 24)),
                Arguments.of("label", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, " ", ok, 16, 24)),
                Arguments.of("prefixes", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", null, 16, 24)),
                Arguments.of("prefixes", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", List.of(), 16, 24)),
                Arguments.of("prefixes", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", List.of(""), 16, 24)),
                Arguments.of("prefixes", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", List.of("2a"), 16, 24)),
                Arguments.of("prefixes", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", List.of(" 25"), 16, 24)),
                Arguments.of("prefixes",
                        (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", List.of("\uFF12\uFF15"), 16, 24)),
                Arguments.of("prefixes",
                        (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", Arrays.asList("25", null), 16, 24)),
                Arguments.of("prefixes",
                        (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", List.of("25", "26", "25"), 16, 24)),
                Arguments.of("prefixes",
                        (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", List.of("123456"), 3, 5)),
                Arguments.of("minLength", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", ok, 0, 24)),
                Arguments.of("minLength", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", ok, -3, 24)),
                Arguments.of("minLength", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", ok, 65, 65)),
                Arguments.of("maxLength", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", ok, 16, 15)),
                Arguments.of("maxLength", (Executable) () -> new PaymentCodeRule(Wallet.ALIPAY, "X", ok, 16, 65)));
    }

    @ParameterizedTest(name = "rejects a bad {0}")
    @MethodSource("invalidRules")
    void rejectsMissingOrOutOfRangeComponentsNamingThem(String field, Executable construction) {
        InvalidInputException e = assertThrows(InvalidInputException.class, construction);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void acceptsTheWidestRange() {
        PaymentCodeRule rule = new PaymentCodeRule(Wallet.ECNY, "Test", List.of("0"), 1, PaymentCodeRule.MAX_CODE_LENGTH);
        assertTrue(rule.matches("0"));
        assertTrue(rule.matches("0".repeat(64)));
        assertFalse(rule.matches("0".repeat(65)));
    }

    @Test
    void copiesThePrefixesIntoAnUnmodifiableList() {
        List<String> prefixes = new ArrayList<>(List.of("25", "26"));
        PaymentCodeRule rule = new PaymentCodeRule(Wallet.ALIPAY, "Alipay", prefixes, 16, 24);
        prefixes.add("27");
        assertEquals(List.of("25", "26"), rule.prefixes());
        assertThrows(UnsupportedOperationException.class, () -> rule.prefixes().add("27"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"104567890123456789", "114567890123456789", "154567890123456789"})
    void matchesAllDigitCodesWithAPrefixAndLengthInRange(String code) {
        assertTrue(WECHAT.matches(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "10456789012345678", "1045678901234567890", "164567890123456789",
        "10456789012345678a", " 10456789012345678", "1\uFF1045678901234567"})
    void doesNotMatchOtherPrefixesLengthsOrNonDigits(String code) {
        assertFalse(WECHAT.matches(code));
    }

    @Test
    void doesNotMatchNull() {
        assertFalse(WECHAT.matches(null));
    }

    @Test
    void describesItsLengthForMessages() {
        assertEquals("exactly 18 digits", WECHAT.lengthText());
        assertEquals("16 to 24 digits",
                new PaymentCodeRule(Wallet.ALIPAY, "Alipay", List.of("25"), 16, 24).lengthText());
    }
}
