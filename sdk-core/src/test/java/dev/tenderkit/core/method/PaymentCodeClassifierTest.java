package dev.tenderkit.core.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenderkit.core.AllocationMeter;
import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentCodeClassifierTest {

    private static final long SEED = 20240611L;
    private static final PaymentCodeClassifier STANDARD = PaymentCodeClassifier.standard();

    // --- the standard rules --------------------------------------------------------------------

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2512345678901234, ALIPAY",
        "285123456789012345, ALIPAY",
        "29512345678901234567, ALIPAY",
        "300000000000000000000001, ALIPAY",
        "261234567890123456789, ALIPAY",
        "271234567890123456, ALIPAY",
        "104567890123456789, WECHAT_PAY",
        "114567890123456789, WECHAT_PAY",
        "124567890123456789, WECHAT_PAY",
        "134567890123456789, WECHAT_PAY",
        "144567890123456789, WECHAT_PAY",
        "154567890123456789, WECHAT_PAY",
        "6212345678901234567, UNIONPAY",
        "0112345678901234567, ECNY",
    })
    void classifiesByPrefixAndLength(String code, Wallet wallet) {
        PaymentCode classified = STANDARD.classify(code);
        assertEquals(wallet, classified.wallet());
        assertSame(code, classified.value());
        assertEquals(Optional.of(wallet), STANDARD.walletOf(code));
    }

    @Test
    void standardHasTheFourPublishedRules() {
        List<PaymentCodeRule> rules = STANDARD.rules();
        assertEquals(List.of("Alipay", "WeChat Pay", "UnionPay QR", "e-CNY"),
                rules.stream().map(PaymentCodeRule::label).toList());
        assertEquals(new PaymentCodeRule(Wallet.ALIPAY, "Alipay", List.of("25", "26", "27", "28", "29", "30"), 16, 24),
                rules.get(0));
        assertEquals(new PaymentCodeRule(Wallet.WECHAT_PAY, "WeChat Pay",
                List.of("10", "11", "12", "13", "14", "15"), 18, 18), rules.get(1));
        assertEquals(new PaymentCodeRule(Wallet.UNIONPAY, "UnionPay QR", List.of("62"), 19, 19), rules.get(2));
        assertEquals(new PaymentCodeRule(Wallet.ECNY, "e-CNY", List.of("01"), 19, 19), rules.get(3));
        assertSame(STANDARD, PaymentCodeClassifier.standard());
        assertEquals("PaymentCodeClassifier[Alipay, WeChat Pay, UnionPay QR, e-CNY]", STANDARD.toString());
    }

    static Stream<Arguments> rejectedCodes() {
        return Stream.of(
                Arguments.of("", "paymentCode: is empty"),
                Arguments.of("2851 2345 6789 0123",
                        "2851***********0123 contains whitespace (U+0020) at position 5 of 19"),
                Arguments.of(" 134567890123456789", "contains whitespace (U+0020) at position 1 of 19"),
                Arguments.of("134567890123456789\n", "contains whitespace (U+000A) at position 19 of 19"),
                Arguments.of("13456789012345678A", "contains 'A' at position 18 of 18"),
                Arguments.of("-134567890123456789", "contains '-' at position 1 of 19"),
                Arguments.of("\uFF11" + "34567890123456789", "contains a non-ASCII digit at position 1 of 18"),
                Arguments.of("1345678901234567\u00008", "contains the character U+0000 at position 17 of 18"),
                Arguments.of("2851234567890123456789012",
                        "2851*****************9012 is 25 digits and starts with \"28\", which looks like Alipay,"
                                + " but Alipay codes are 16 to 24 digits"),
                Arguments.of("285123456789012",
                        "is 15 digits and starts with \"28\", which looks like Alipay, but Alipay codes are 16 to 24 digits"),
                Arguments.of("13456789012345678",
                        "is 17 digits and starts with \"13\", which looks like WeChat Pay, but WeChat Pay codes are"
                                + " exactly 18 digits"),
                Arguments.of("1345678901234567890", "looks like WeChat Pay, but WeChat Pay codes are exactly 18 digits"),
                Arguments.of("621234567890123456", "looks like UnionPay QR, but UnionPay QR codes are exactly 19 digits"),
                Arguments.of("011234567890123456", "looks like e-CNY, but e-CNY codes are exactly 19 digits"),
                Arguments.of("2851", "2**1 is 4 digits and starts like Alipay, but Alipay codes are 16 to 24 digits"),
                Arguments.of("991234567890123456",
                        "9912**********3456 is 18 digits and matches no known wallet"
                                + " (known: Alipay, WeChat Pay, UnionPay QR, e-CNY)"),
                Arguments.of("164567890123456789", "is 18 digits and matches no known wallet"),
                Arguments.of("7", "* is 1 digit and matches no known wallet"));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @MethodSource("rejectedCodes")
    void rejectsSayingPreciselyWhatIsWrong(String code, String why) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> STANDARD.classify(code));
        assertEquals(ErrorCode.INVALID_PAYMENT_CODE, e.code());
        assertEquals("paymentCode", e.field());
        assertTrue(e.getMessage().contains(why), () -> "message should say <" + why + ">: " + e.getMessage());
        assertEquals(Optional.empty(), STANDARD.walletOf(code));
    }

    @Test
    void rejectsNull() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> STANDARD.classify(null));
        assertEquals(ErrorCode.INVALID_PAYMENT_CODE, e.code());
        assertEquals("paymentCode: is missing (null)", e.getMessage());
        assertEquals(Optional.empty(), STANDARD.walletOf(null));
    }

    @Test
    void namesEveryLookalikeRuleWhenSeveralPrefixesMatch() {
        PaymentCodeClassifier classifier = PaymentCodeClassifier.builder()
                .addRule(new PaymentCodeRule(Wallet.ALIPAY, "Short", List.of("7"), 4, 6))
                .addRule(new PaymentCodeRule(Wallet.ECNY, "Long", List.of("77"), 20, 22))
                .build();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> classifier.classify("7712345678"));
        assertTrue(e.getMessage().contains("is 10 digits and starts with \"7\", which looks like Short, but Short codes"
                + " are 4 to 6 digits; it also starts with \"77\", which looks like Long, but Long codes are 20 to 22"
                + " digits"), e::getMessage);
    }

    @Test
    void namesAPrefixOnlyWhenTheMaskShowsItAnyway() {
        PaymentCodeClassifier classifier = PaymentCodeClassifier.builder()
                .addRule(new PaymentCodeRule(Wallet.ALIPAY, "Six", List.of("777777"), 20, 20))
                .build();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> classifier.classify("7777771234567890123"));
        assertTrue(e.getMessage().contains("7777***********0123 is 19 digits and starts like Six, but Six codes are"
                + " exactly 20 digits"), e::getMessage);
        assertFalse(e.getMessage().contains("777777"), e::getMessage);
    }

    // --- never leaking the code ----------------------------------------------------------------

    @Test
    void messagesNeverContainTheWholeCodeForAnyRejectedInput() {
        Random random = new Random(SEED);
        String[] starts = {"25", "28", "30", "10", "13", "15", "62", "01", "99", "16", "2", "6", ""};
        String noise = " -\n\tA\uFF11.";
        int rejected = 0;
        for (int run = 0; run < 100_000; run++) {
            StringBuilder sb = new StringBuilder(starts[random.nextInt(starts.length)]);
            int length = 4 + random.nextInt(30);
            while (sb.length() < length) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(3) == 0) {
                sb.setCharAt(random.nextInt(sb.length()), noise.charAt(random.nextInt(noise.length())));
            }
            String code = sb.toString();
            Optional<Wallet> wallet = STANDARD.walletOf(code);
            if (wallet.isPresent()) {
                assertEquals(wallet.get(), STANDARD.classify(code).wallet());
                continue;
            }
            rejected++;
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> STANDARD.classify(code));
            String message = e.getMessage();
            assertFalse(message.contains(code), () -> "leaked " + code + " in: " + message);
            assertTrue(message.contains(PaymentCodeMask.mask(code)), () -> "no mask of " + code + " in: " + message);
            // Nothing beyond the mask: once the mask is removed, no 5 consecutive characters of the code remain.
            String rest = message.replace(PaymentCodeMask.mask(code), "");
            for (int i = 0; i + 5 <= code.length(); i++) {
                String window = code.substring(i, i + 5);
                assertFalse(rest.contains(window), () -> "leaked " + window + " of " + code + " in: " + message);
            }
        }
        assertTrue(rejected > 10_000, "the random input should be rejected often: " + rejected);
    }

    // --- agreement with a brute-force oracle --------------------------------------------------

    @Test
    void classifiesRandomDigitStringsLikeTheRulesSay() {
        Random random = new Random(SEED);
        int matched = 0;
        for (int run = 0; run < 200_000; run++) {
            int length = 1 + random.nextInt(26);
            StringBuilder sb = new StringBuilder(length);
            if (random.nextBoolean()) {
                sb.append(new String[] {"25", "26", "27", "28", "29", "30", "10", "11", "12", "13", "14", "15", "62",
                    "01"}[random.nextInt(14)]);
            }
            while (sb.length() < length) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            String code = sb.toString();
            Optional<Wallet> expected = Optional.empty();
            for (PaymentCodeRule rule : STANDARD.rules()) {
                if (rule.matches(code)) {
                    expected = Optional.of(rule.wallet());
                }
            }
            assertEquals(expected, STANDARD.walletOf(code), code);
            if (expected.isPresent()) {
                matched++;
                assertEquals(expected.get(), STANDARD.classify(code).wallet(), code);
            }
        }
        assertTrue(matched > 5_000, "random codes should match often: " + matched);
    }

    @Test
    void walletOfNeverThrows() {
        Random random = new Random(SEED);
        for (int run = 0; run < 50_000; run++) {
            int length = random.nextInt(40);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append((char) random.nextInt(0x3100));
            }
            assertTrue(STANDARD.walletOf(sb.toString()).isEmpty() || sb.chars().allMatch(c -> c >= '0' && c <= '9'));
        }
    }

    // --- building ------------------------------------------------------------------------------

    @Test
    void builderStartsEmptyAndRefusesToBuildWithoutRules() {
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> PaymentCodeClassifier.builder().build());
        assertEquals("rules", e.setting());
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
    }

    @Test
    void toBuilderExtendsTheStandardRulesWithoutChangingThem() {
        PaymentCodeRule campus = new PaymentCodeRule(Wallet.UNIONPAY, "Campus card", List.of("99"), 20, 20);
        PaymentCodeClassifier extended = STANDARD.toBuilder().addRule(campus).build();
        assertEquals(Wallet.UNIONPAY, extended.classify("99345678901234567890").wallet());
        assertEquals(Wallet.ALIPAY, extended.classify("285123456789012345").wallet());
        assertEquals(5, extended.rules().size());
        assertEquals(4, STANDARD.rules().size());
        assertEquals(Optional.empty(), STANDARD.walletOf("99345678901234567890"));
    }

    @Test
    void builderUsesOnlyTheRulesAdded() {
        PaymentCodeClassifier onlyWeChat = PaymentCodeClassifier.builder()
                .addRule(STANDARD.rules().get(1))
                .build();
        assertEquals(Wallet.WECHAT_PAY, onlyWeChat.classify("134567890123456789").wallet());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> onlyWeChat.classify("285123456789012345"));
        assertTrue(e.getMessage().contains("matches no known wallet (known: WeChat Pay)"), e::getMessage);
    }

    @Test
    void rulesAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> STANDARD.rules().clear());
    }

    static Stream<Arguments> overlappingRules() {
        return Stream.of(
                Arguments.of(new PaymentCodeRule(Wallet.ALIPAY, "Huabei", List.of("28"), 18, 18),
                        "\"Alipay\" and \"Huabei\" can both match the same code, e.g. 18 digits starting with \"28\""),
                Arguments.of(new PaymentCodeRule(Wallet.ECNY, "Broad", List.of("2"), 10, 16),
                        "\"Alipay\" and \"Broad\" can both match the same code, e.g. 16 digits starting with \"25\""),
                Arguments.of(new PaymentCodeRule(Wallet.ECNY, "Narrow", List.of("1357"), 18, 30),
                        "\"WeChat Pay\" and \"Narrow\" can both match the same code, e.g. 18 digits starting with \"1357\""),
                Arguments.of(new PaymentCodeRule(Wallet.ALIPAY, "UnionPay QR", List.of("62"), 19, 19),
                        "\"UnionPay QR\" and \"UnionPay QR\" can both match"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("overlappingRules")
    void refusesTwoRulesThatCanMatchTheSameCodeNamingBoth(PaymentCodeRule extra, String why) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> STANDARD.toBuilder().addRule(extra).build());
        assertEquals("rules", e.setting());
        assertTrue(e.getMessage().contains(why), () -> "message should say <" + why + ">: " + e.getMessage());
    }

    static Stream<Arguments> disjointRules() {
        return Stream.of(
                // same prefix, lengths apart
                Arguments.of(new PaymentCodeRule(Wallet.ALIPAY, "A", List.of("28"), 10, 15),
                        new PaymentCodeRule(Wallet.ECNY, "B", List.of("28"), 16, 24)),
                // nested prefixes, lengths apart
                Arguments.of(new PaymentCodeRule(Wallet.ALIPAY, "A", List.of("2"), 1, 2),
                        new PaymentCodeRule(Wallet.ECNY, "B", List.of("284"), 1, 3)),
                // neither prefix starts the other
                Arguments.of(new PaymentCodeRule(Wallet.ALIPAY, "A", List.of("28"), 18, 18),
                        new PaymentCodeRule(Wallet.ECNY, "B", List.of("29"), 18, 18)));
    }

    @ParameterizedTest
    @MethodSource("disjointRules")
    void acceptsRulesThatCannotMatchTheSameCode(PaymentCodeRule a, PaymentCodeRule b) {
        PaymentCodeClassifier classifier = PaymentCodeClassifier.builder().addRule(a).addRule(b).build();
        assertEquals(List.of(a, b), classifier.rules());
    }

    @Test
    void refusesOverlapExactlyWhenSomeCodeMatchesBothRules() {
        Random random = new Random(SEED);
        for (int run = 0; run < 3_000; run++) {
            PaymentCodeRule a = randomSmallRule(random, "A");
            PaymentCodeRule b = randomSmallRule(random, "B");
            boolean overlap = someCodeMatchesBoth(a, b);
            PaymentCodeClassifier.Builder builder = PaymentCodeClassifier.builder().addRule(a).addRule(b);
            if (overlap) {
                assertThrows(ConfigurationException.class, builder::build, a + " / " + b);
            } else {
                assertEquals(2, builder.build().rules().size(), a + " / " + b);
            }
        }
    }

    private static PaymentCodeRule randomSmallRule(Random random, String label) {
        int max = 1 + random.nextInt(4);
        int min = 1 + random.nextInt(max);
        List<String> prefixes = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        while (prefixes.size() < count) {
            int prefixLength = 1 + random.nextInt(max);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < prefixLength; i++) {
                sb.append((char) ('0' + random.nextInt(2)));
            }
            if (!prefixes.contains(sb.toString())) {
                prefixes.add(sb.toString());
            }
        }
        return new PaymentCodeRule(Wallet.ALIPAY, label, prefixes, min, max);
    }

    /** Brute force: every code of 1 to 4 digits over 0-2 (prefixes use 0-1, so a third digit is "anything else"). */
    private static boolean someCodeMatchesBoth(PaymentCodeRule a, PaymentCodeRule b) {
        int combinations = 1;
        for (int length = 1; length <= 4; length++) {
            combinations *= 3;
            for (int n = 0; n < combinations; n++) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0, rest = n; i < length; i++, rest /= 3) {
                    sb.append((char) ('0' + rest % 3));
                }
                if (a.matches(sb) && b.matches(sb)) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- the hot path --------------------------------------------------------------------------

    @Test
    void classifyAllocatesOnlyItsResultAndWalletOfAllocatesNothing() {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count allocations");
        String[] codes = {"285123456789012345", "134567890123456789", "6212345678901234567", "0112345678901234567",
            "300000000000000000000001"};
        int sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm up
            sink += classifyAll(codes) + walletOfAll(codes);
        }
        int rounds = 20_000;
        long calls = (long) rounds * codes.length;

        long before = AllocationMeter.allocatedBytes();
        for (int i = 0; i < rounds; i++) {
            sink += walletOfAll(codes);
        }
        long walletOfBytes = AllocationMeter.allocatedBytes() - before;
        assertTrue(walletOfBytes < 4_096, walletOfBytes + " bytes for " + calls + " walletOf calls (" + sink + ")");

        before = AllocationMeter.allocatedBytes();
        for (int i = 0; i < rounds; i++) {
            sink += classifyAll(codes);
        }
        long classifyBytes = AllocationMeter.allocatedBytes() - before;
        // A PaymentCode is a header and two references: 24 bytes with compressed references, 32 without.
        assertTrue(classifyBytes <= calls * 32 + 4_096,
                classifyBytes / calls + " bytes per classify call, more than one PaymentCode (" + sink + ")");
    }

    private static int classifyAll(String[] codes) {
        int sum = 0;
        for (String code : codes) {
            sum += STANDARD.classify(code).wallet().ordinal();
        }
        return sum;
    }

    private static int walletOfAll(String[] codes) {
        int sum = 0;
        for (String code : codes) {
            Optional<Wallet> wallet = STANDARD.walletOf(code);
            sum += wallet.isPresent() ? wallet.get().ordinal() : -1;
        }
        return sum;
    }
}
