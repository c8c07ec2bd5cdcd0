package dev.tenderkit.alipay;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.FeeBearer;
import dev.tenderkit.core.method.InstallmentPlan;
import dev.tenderkit.core.money.Money;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/** The field checks and common fields the {@link AlipayBizRequest} records share, against Alipay's documented limits. */
final class BizRequestChecks {
    private BizRequestChecks() {
    }

    static void outTradeNo(String v) {
        if (!isOutTradeNo(v)) {
            throw new InvalidInputException("outTradeNo", "must be 1-64 letters, digits or underscores");
        }
    }

    /** {@code [A-Za-z0-9_]{1,64}}, checked by hand (a regex match per call costs more than the check). */
    static boolean isOutTradeNo(String v) {
        if (v == null || v.isEmpty() || v.length() > 64) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static void text(String field, String v, int max) {
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(field, "is missing");
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw new InvalidInputException(field, "is longer than " + max + " characters");
        }
    }

    static void optional(String field, Optional<String> v, int max) {
        Objects.requireNonNull(v, field);
        v.ifPresent(s -> text(field, s, max));
    }

    static void amount(String field, Money m) {
        Objects.requireNonNull(m, field);
        if (!m.isPositive() || m.isGreaterThan(AlipayBizRequest.MAX_AMOUNT)) {
            throw new InvalidInputException(dev.tenderkit.core.ErrorCode.INVALID_AMOUNT, field,
                    "Alipay takes 0.01 to 100000000.00 yuan, got " + m);
        }
    }

    static void installments(Optional<InstallmentPlan> plan, boolean creditAllowed) {
        Objects.requireNonNull(plan, "installments");
        if (plan.isEmpty()) {
            return;
        }
        int p = plan.get().periods();
        if (p != 3 && p != 6 && p != 12) {
            throw new InvalidInputException("installments", "Huabei installments are 3, 6 or 12 periods, got " + p);
        }
        if (!creditAllowed) {
            throw new InvalidInputException("installments", "Huabei installments are credit, but credit is not allowed");
        }
    }

    static void writeCommon(JsonGenerator g, Optional<InstallmentPlan> installments, boolean creditAllowed,
            Optional<String> storeId, Optional<String> terminalId, Optional<String> operatorId) throws IOException {
        if (!creditAllowed) {
            g.writeStringField("disable_pay_channels", AlipayBizRequest.CREDIT_CHANNELS);
        }
        if (installments.isPresent()) {
            g.writeObjectFieldStart("extend_params");
            g.writeStringField("hb_fq_num", Integer.toString(installments.get().periods()));
            g.writeStringField("hb_fq_seller_percent", installments.get().feeBearer() == FeeBearer.SELLER ? "100" : "0");
            g.writeEndObject();
        }
        if (storeId.isPresent()) {
            g.writeStringField("store_id", storeId.get());
        }
        if (terminalId.isPresent()) {
            g.writeStringField("terminal_id", terminalId.get());
        }
        if (operatorId.isPresent()) {
            g.writeStringField("operator_id", operatorId.get());
        }
    }
}
