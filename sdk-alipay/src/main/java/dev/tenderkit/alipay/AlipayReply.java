package dev.tenderkit.alipay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a verified response node, parsed with jackson-core streaming from exactly the text
 * that was verified. Scalars at the node's top level are kept as text (numbers too, so amounts
 * stay exact); {@code fund_bill_list} and {@code hb_fq_pay_info.user_install_num} are read for the
 * funding source.
 *
 * @param fields top-level scalar fields of the node, as text
 * @param fundBills {@code fund_bill_list}
 * @param installmentPeriods {@code hb_fq_pay_info.user_install_num}, if present
 */
record AlipayReply(Map<String, String> fields, List<FundBill> fundBills, Optional<Integer> installmentPeriods) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Alipay's {@code fund_channel} for Huabei (花呗). */
    public static final String PCREDIT = "PCREDIT";

    /**
     * One entry of {@code fund_bill_list}.
     *
     * @param fundChannel e.g. {@code ALIPAYACCOUNT}, {@code PCREDIT}
     * @param amount the amount as Alipay wrote it
     */
    public record FundBill(String fundChannel, String amount) {
        /** Validates. */
        public FundBill {
            Objects.requireNonNull(fundChannel, "fundChannel");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Copies. */
    public AlipayReply {
        fields = Collections.unmodifiableMap(new HashMap<>(fields));
        fundBills = List.copyOf(fundBills);
        Objects.requireNonNull(installmentPeriods, "installmentPeriods");
    }

    /**
     * Parses a verified node.
     *
     * @param verified the verification result
     * @return the reply
     * @throws TenderKitException ({@link ErrorCode#MALFORMED_DOCUMENT}) if the verified text is not valid JSON
     */
    public static AlipayReply parse(ResponseVerification.Verified verified) {
        return parse(verified.content());
    }

    static AlipayReply parse(String nodeText) {
        Map<String, String> fields = new HashMap<>();
        List<FundBill> bills = new ArrayList<>();
        Integer installs = null;
        try (JsonParser p = JSON.createParser(nodeText)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("the response node is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY && name.equals("fund_bill_list")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String channel = null;
                        String amount = "";
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken v = p.nextToken();
                            if (v.isScalarValue()) {
                                if (f.equals("fund_channel")) {
                                    channel = p.getText();
                                } else if (f.equals("amount")) {
                                    amount = p.getText();
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (channel != null) {
                            bills.add(new FundBill(channel, amount));
                        }
                    }
                } else if (t == JsonToken.START_OBJECT && name.equals("hb_fq_pay_info")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken v = p.nextToken();
                        if (v.isScalarValue() && f.equals("user_install_num")) {
                            try {
                                installs = Integer.valueOf(p.getText().strip());
                            } catch (NumberFormatException e) {
                                throw malformed("hb_fq_pay_info.user_install_num is not a number");
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (t.isScalarValue()) {
                    if (t != JsonToken.VALUE_NULL) {
                        fields.put(name, p.getText());
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw malformed("the response node is not valid JSON: " + e.getMessage());
        }
        return new AlipayReply(fields, bills, Optional.ofNullable(installs));
    }

    private static TenderKitException malformed(String what) {
        return new TenderKitException(ErrorCode.MALFORMED_DOCUMENT, what);
    }

    /** @return a top-level field, if present and not blank */
    public Optional<String> get(String name) {
        String v = fields.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** @return {@code code}, or empty */
    public String code() {
        return fields.getOrDefault("code", "");
    }

    /** @return {@code sub_code} */
    public Optional<String> subCode() {
        return get("sub_code");
    }

    /** @return the raw code for support: code, sub_code and sub_msg (or msg) */
    public GatewayCode gatewayCode() {
        String message = get("sub_msg").or(() -> get("msg")).orElse("");
        return new GatewayCode(code().isEmpty() ? "?" : code(), subCode(), message);
    }

    /**
     * The funding source actually used: Huabei ({@code PCREDIT} in {@code fund_bill_list}) is
     * credit, with the buyer's installment count from {@code hb_fq_pay_info.user_install_num};
     * otherwise the first fund channel; {@link FundingSource#UNSPECIFIED} if none is listed.
     *
     * @return the funding source
     */
    public FundingSource fundingSource() {
        for (FundBill b : fundBills) {
            if (b.fundChannel().equals(PCREDIT)) {
                return new FundingSource(PCREDIT, true, installmentPeriods.filter(n -> n > 1).orElse(0));
            }
        }
        if (fundBills.isEmpty()) {
            return FundingSource.UNSPECIFIED;
        }
        return new FundingSource(fundBills.get(0).fundChannel(), false, 0);
    }
}
