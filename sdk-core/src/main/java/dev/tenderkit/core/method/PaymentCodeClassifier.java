package dev.tenderkit.core.method;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells which {@link Wallet} a scanned payment code (付款码) belongs to, by its leading digits and
 * its length, before anything is sent to a gateway: step 1 of a barcode payment.
 *
 * <p>{@link #standard()} knows the published rules; {@link #toBuilder()} extends them and
 * {@link #builder()} starts from none. A classifier never holds two rules that could both match
 * the same code, so the answer never depends on rule order.
 *
 * <p>Classification is strict: a code is ASCII digits only, with no whitespace or separators
 * around or inside it (trimming scanner output is the scanner driver's job, not a guess made
 * here). {@link #classify(String)} allocates nothing but its result, using neither regular
 * expressions nor substrings, and {@link #walletOf(String)} allocates nothing.
 *
 * <p>Every message this class produces shows the code only as {@link PaymentCodeMask} masks it;
 * the whole code never appears in an exception.
 *
 * <p>Immutable and thread-safe: build one and share it. No method returns {@code null}.
 */
public final class PaymentCodeClassifier {

    private static final String FIELD = "paymentCode";

    /** One shared {@code Optional} per wallet, by ordinal, so {@link #walletOf(String)} allocates nothing. */
    private static final List<Optional<Wallet>> WALLET_ANSWERS = walletAnswers();

    private static final PaymentCodeClassifier STANDARD = builder()
            .addRule(new PaymentCodeRule(Wallet.ALIPAY, "Alipay", List.of("25", "26", "27", "28", "29", "30"), 16, 24))
            .addRule(new PaymentCodeRule(Wallet.WECHAT_PAY, "WeChat Pay", List.of("10", "11", "12", "13", "14", "15"),
                    18, 18))
            .addRule(new PaymentCodeRule(Wallet.UNIONPAY, "UnionPay QR", List.of("62"), 19, 19))
            .addRule(new PaymentCodeRule(Wallet.ECNY, "e-CNY", List.of("01"), 19, 19))
            .build();

    private final List<PaymentCodeRule> rules;
    // The rules flattened to one entry per prefix, scanned with index loops on the hot path.
    private final String[] prefixes;
    private final int[] minLengths;
    private final int[] maxLengths;
    private final Wallet[] wallets;

    private PaymentCodeClassifier(List<PaymentCodeRule> rules) {
        this.rules = List.copyOf(rules);
        int count = 0;
        for (PaymentCodeRule rule : this.rules) {
            count += rule.prefixes().size();
        }
        prefixes = new String[count];
        minLengths = new int[count];
        maxLengths = new int[count];
        wallets = new Wallet[count];
        int k = 0;
        for (PaymentCodeRule rule : this.rules) {
            for (String prefix : rule.prefixes()) {
                prefixes[k] = prefix;
                minLengths[k] = rule.minLength();
                maxLengths[k] = rule.maxLength();
                wallets[k] = rule.wallet();
                k++;
            }
        }
    }

    /**
     * The published rules:
     *
     * <ul>
     *   <li><b>Alipay</b> (支付宝): 16 to 24 digits starting with 25, 26, 27, 28, 29 or 30, as
     *       Alipay's API documents its {@code auth_code}.
     *   <li><b>WeChat Pay</b> (微信支付): exactly 18 digits starting with 10, 11, 12, 13, 14 or 15,
     *       as WeChat Pay's API documents its {@code auth_code}.
     *   <li><b>UnionPay QR</b> (云闪付 payment code): exactly 19 digits starting with 62. This rule
     *       comes from third-party sources (acquirer and aggregator integration guides), not from
     *       a UnionPay specification TenderKit could check.
     *   <li><b>e-CNY</b> (数字人民币): exactly 19 digits starting with 01. This is a third-party
     *       heuristic that the People's Bank of China's published documents do not confirm; treat
     *       an e-CNY classification as a hint and let the channel have the last word.
     * </ul>
     *
     * @return the shared classifier with the published rules
     */
    public static PaymentCodeClassifier standard() {
        return STANDARD;
    }

    /** @return a builder with no rules */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /** @return a builder that starts with this classifier's rules, e.g. to add a wallet to {@link #standard()} */
    public Builder toBuilder() {
        return new Builder(rules);
    }

    /** @return the rules, in the order they were added; unmodifiable */
    public List<PaymentCodeRule> rules() {
        return rules;
    }

    /**
     * Classifies a scanned code.
     *
     * @param code the code exactly as scanned: ASCII digits only, no whitespace
     * @return the code with its wallet
     * @throws InvalidInputException ({@link ErrorCode#INVALID_PAYMENT_CODE}, field
     *     {@code "paymentCode"}) saying precisely what is wrong: missing, empty, a non-digit at a
     *     given position, a wallet's prefix with the wrong length, or no known wallet. The message
     *     shows the code only masked.
     */
    public PaymentCode classify(String code) {
        int match = match(code);
        if (match < 0) {
            throw rejection(code);
        }
        return new PaymentCode(wallets[match], code);
    }

    /**
     * Like {@link #classify(String)} without the explanation, for quick checks such as routing a
     * scan before validating it.
     *
     * @param code any text; may be {@code null}
     * @return the wallet, or empty if {@link #classify(String)} would reject the code; never throws
     */
    public Optional<Wallet> walletOf(String code) {
        int match = match(code);
        return match < 0 ? Optional.empty() : WALLET_ANSWERS.get(wallets[match].ordinal());
    }

    /** @return the index of the matching prefix entry, or -1 if the code is rejected; allocates nothing */
    private int match(String code) {
        if (code == null) {
            return -1;
        }
        int length = code.length();
        if (length == 0) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        for (int k = 0; k < prefixes.length; k++) {
            if (length >= minLengths[k] && length <= maxLengths[k] && code.startsWith(prefixes[k])) {
                return k;
            }
        }
        return -1;
    }

    /** Explains why {@link #match(String)} rejected {@code code}. Cold path. */
    private InvalidInputException rejection(String code) {
        if (code == null) {
            return reject("is missing (null)");
        }
        int length = code.length();
        if (length == 0) {
            return reject("is empty");
        }
        String masked = PaymentCodeMask.mask(code);
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return reject(masked + " contains " + describe(c) + " at position " + (i + 1) + " of " + length
                        + "; a payment code is ASCII digits only, with no whitespace");
            }
        }
        int shown = PaymentCodeMask.shownPerSide(length);
        StringBuilder lookalikes = new StringBuilder();
        for (PaymentCodeRule rule : rules) {
            int p = rule.matchingPrefix(code);
            if (p < 0) {
                continue;
            }
            String prefix = rule.prefixes().get(p);
            lookalikes.append(lookalikes.length() == 0 ? "" : "; it also");
            // Name the prefix only when the mask shows those digits anyway.
            if (prefix.length() <= shown) {
                lookalikes.append(" starts with \"").append(prefix).append("\", which looks like ");
            } else {
                lookalikes.append(" starts like ");
            }
            lookalikes.append(rule.label()).append(", but ").append(rule.label()).append(" codes are ")
                    .append(rule.lengthText());
        }
        String digits = length + (length == 1 ? " digit" : " digits");
        if (lookalikes.length() > 0) {
            return reject(masked + " is " + digits + " and" + lookalikes);
        }
        return reject(masked + " is " + digits + " and matches no known wallet (known: " + labels() + ")");
    }

    private String labels() {
        StringBuilder sb = new StringBuilder();
        for (PaymentCodeRule rule : rules) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(rule.label());
        }
        return sb.toString();
    }

    private static InvalidInputException reject(String problem) {
        return new InvalidInputException(ErrorCode.INVALID_PAYMENT_CODE, FIELD, problem);
    }

    /**
     * Names a character that is not an ASCII digit without giving away a digit of the code: a
     * full-width or other non-ASCII digit may be a real digit of the code in another form, so only
     * its kind is named.
     */
    private static String describe(char c) {
        int type = Character.getType(c);
        if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER) {
            return "a non-ASCII digit";
        }
        String codePoint = String.format(Locale.ROOT, "U+%04X", (int) c);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "whitespace (" + codePoint + ")";
        }
        if (c > ' ' && c < 0x7F) {
            return "'" + c + "'";
        }
        return "the character " + codePoint;
    }

    private static List<Optional<Wallet>> walletAnswers() {
        List<Optional<Wallet>> answers = new ArrayList<>();
        for (Wallet wallet : Wallet.values()) {
            answers.add(Optional.of(wallet));
        }
        return List.copyOf(answers);
    }

    /** @return the rule labels, e.g. {@code PaymentCodeClassifier[Alipay, WeChat Pay, UnionPay QR, e-CNY]} */
    @Override
    public String toString() {
        return "PaymentCodeClassifier[" + labels() + "]";
    }

    /**
     * Collects rules for a {@link PaymentCodeClassifier}. Not thread-safe: use one builder on one
     * thread; the classifier it builds is immutable and shareable.
     */
    public static final class Builder {

        private final List<PaymentCodeRule> rules;

        private Builder(List<PaymentCodeRule> rules) {
            this.rules = new ArrayList<>(rules);
        }

        /**
         * @param rule a rule to add; checked against the others in {@link #build()}
         * @return this builder
         */
        public Builder addRule(PaymentCodeRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @return a classifier with the rules added so far
         * @throws ConfigurationException (setting {@code "rules"}) if there are no rules, or if two
         *     rules could match the same code (a prefix of one starts with a prefix of the other and
         *     their lengths overlap); the message names both rules and an example of such a code
         */
        public PaymentCodeClassifier build() {
            if (rules.isEmpty()) {
                throw new ConfigurationException("rules", "no rules added; start from "
                        + "PaymentCodeClassifier.standard().toBuilder() or add at least one rule");
            }
            for (int i = 0; i < rules.size(); i++) {
                for (int j = i + 1; j < rules.size(); j++) {
                    checkDisjoint(rules.get(i), rules.get(j));
                }
            }
            return new PaymentCodeClassifier(rules);
        }

        private static void checkDisjoint(PaymentCodeRule a, PaymentCodeRule b) {
            for (String pa : a.prefixes()) {
                for (String pb : b.prefixes()) {
                    if (!pa.startsWith(pb) && !pb.startsWith(pa)) {
                        continue;
                    }
                    // A code matching both starts with the longer prefix, so it is at least that long.
                    String longer = pa.length() >= pb.length() ? pa : pb;
                    int shortest = Math.max(longer.length(), Math.max(a.minLength(), b.minLength()));
                    int longest = Math.min(a.maxLength(), b.maxLength());
                    if (shortest <= longest) {
                        throw new ConfigurationException("rules", "\"" + a.label() + "\" and \"" + b.label()
                                + "\" can both match the same code, e.g. " + shortest + " digits starting with \""
                                + longer + "\"; make their prefixes or lengths disjoint");
                    }
                }
            }
        }
    }
}
