package dev.tenderkit.core.payment.spi;

import java.util.Objects;

/**
 * What the buyer actually paid with, as the wallet reports it: whether it was consumer credit
 * (Huabei, 分付, a credit card) and in how many installments. Drives the fee and the receipt.
 *
 * @param channelCode the wallet's own name for it, e.g. Alipay {@code PCREDIT} or {@code ALIPAYACCOUNT}
 * @param credit whether it was consumer credit
 * @param installmentPeriods installments the buyer chose, 0 when paid at once
 */
public record FundingSource(String channelCode, boolean credit, int installmentPeriods) {
    /** Funding the wallet did not detail. */
    public static final FundingSource UNSPECIFIED = new FundingSource("UNSPECIFIED", false, 0);

    /** Validates. */
    public FundingSource {
        Objects.requireNonNull(channelCode, "channelCode");
        if (installmentPeriods < 0) {
            throw new dev.tenderkit.core.InvalidInputException("installmentPeriods", "must not be negative");
        }
    }
}
