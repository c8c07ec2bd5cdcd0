package dev.tenderkit.core.fee;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.Wallet;
import java.util.Objects;

/**
 * Who bears an installment service fee (分期手续费): the percentage the seller (the merchant)
 * pays; the buyer pays the rest on top of the price. The merchant's share is deducted from its
 * settlement; the buyer's share is repaid to the credit provider with the installments and never
 * passes through the merchant's settlement.
 *
 * <p><b>Alipay Huabei allows only {@link #BUYER} or {@link #SELLER}</b>: its
 * {@code hb_fq_seller_percent} takes {@code 0} (buyer pays) or {@code 100} (merchant pays), with no
 * split. {@link #requireAllowedFor(PaymentMethod)} enforces that for every Alipay installment
 * method; other installment products may split, 0 to 100. Immutable.
 *
 * @param sellerPercent the merchant's share in percent, 0 to 100
 */
public record InstallmentFeeShare(int sellerPercent) {
    /** The buyer pays the whole installment fee (Alipay {@code hb_fq_seller_percent=0}). */
    public static final InstallmentFeeShare BUYER = new InstallmentFeeShare(0);
    /** The merchant pays the whole installment fee (Alipay {@code hb_fq_seller_percent=100}). */
    public static final InstallmentFeeShare SELLER = new InstallmentFeeShare(100);

    /**
     * Checks the range.
     *
     * @throws InvalidInputException (field {@code "sellerPercent"}) outside 0 to 100
     */
    public InstallmentFeeShare {
        if (sellerPercent < 0 || sellerPercent > 100) {
            throw new InvalidInputException("sellerPercent", "must be 0 (buyer pays) to 100 (seller pays), got "
                    + sellerPercent);
        }
    }

    /**
     * @param sellerPercent the merchant's share in percent
     * @return the share
     */
    public static InstallmentFeeShare sellerPercent(int sellerPercent) {
        return switch (sellerPercent) {
            case 0 -> BUYER;
            case 100 -> SELLER;
            default -> new InstallmentFeeShare(sellerPercent);
        };
    }

    /** @return whether the buyer bears it all */
    public boolean isBuyerPays() {
        return sellerPercent == 0;
    }

    /** @return whether the merchant bears it all */
    public boolean isSellerPays() {
        return sellerPercent == 100;
    }

    /**
     * Checks that the method allows this share.
     *
     * @param method an installment method
     * @return this share
     * @throws InvalidInputException (field {@code "sellerPercent"}) if the method is not an
     *     installment method, or it is an Alipay one and the share is neither 0 nor 100
     */
    public InstallmentFeeShare requireAllowedFor(PaymentMethod method) {
        Objects.requireNonNull(method, "method");
        if (!method.isInstallment()) {
            throw new InvalidInputException("sellerPercent", method.id()
                    + " is not an installment method; only installment methods have an installment fee to share");
        }
        if (method.wallet() == Wallet.ALIPAY && sellerPercent != 0 && sellerPercent != 100) {
            throw new InvalidInputException("sellerPercent", "Alipay installments (" + method.id()
                    + ") take hb_fq_seller_percent 0 (buyer pays) or 100 (seller pays) only, got " + sellerPercent);
        }
        return this;
    }

    /** @return e.g. {@code "seller 100%"}, {@code "buyer 100%"}, {@code "seller 30% / buyer 70%"} */
    @Override
    public String toString() {
        if (sellerPercent == 100) {
            return "seller 100%";
        }
        if (sellerPercent == 0) {
            return "buyer 100%";
        }
        return "seller " + sellerPercent + "% / buyer " + (100 - sellerPercent) + "%";
    }
}
