package dev.tenderkit.core.method;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.LocalizedText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a registry guarantees about parents, and how it answers which method a plan or a funding source is. */
class PaymentMethodRegistryTest {
    private static final PaymentMethodRegistry STANDARD = PaymentMethods.standardRegistry();

    private static PaymentMethod method(String id, Wallet wallet, boolean credit, int periods, String parent) {
        return new PaymentMethod(id, wallet, LocalizedText.of(id, id), "product", EntryMode.BUYER_CODE, credit,
                periods, Optional.ofNullable(parent));
    }

    @Test
    void huabeiInstallmentsHaveHuabeiAsTheirParent() {
        for (PaymentMethod m : STANDARD.all()) {
            Optional<PaymentMethod> expected = m.isInstallment() ? Optional.of(ALIPAY_HUABEI) : Optional.empty();
            assertEquals(expected, STANDARD.parentOf(m), m::toString);
        }
        assertEquals(Optional.of("alipay.huabei"), PaymentMethods.HUABEI_INSTALLMENT_6.parentId());
    }

    @Test
    void aParentMustBeRegistered() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PaymentMethodRegistry.builder()
                .add(method("alipay.huabei.installment.24", Wallet.ALIPAY, true, 24, "alipay.huabei")).build());
        assertTrue(e.getMessage().contains("\"alipay.huabei.installment.24\" declares the parent \"alipay.huabei\", "
                + "which is not registered"), e.getMessage());
    }

    @Test
    void aParentMustBelongToTheSameWallet() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PaymentMethodRegistry.builder()
                .add(ALIPAY_HUABEI).add(method("wechat.installment.3", Wallet.WECHAT_PAY, true, 3, "alipay.huabei"))
                .build());
        assertTrue(e.getMessage().contains("\"wechat.installment.3\" (WECHAT_PAY) declares the parent "
                + "\"alipay.huabei\" of another wallet (ALIPAY)"), e.getMessage());
    }

    @Test
    void parentsMayNotFormACycle() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PaymentMethodRegistry.builder()
                .add(method("vendor.a", Wallet.ALIPAY, false, 0, "vendor.b"))
                .add(method("vendor.b", Wallet.ALIPAY, false, 0, "vendor.c"))
                .add(method("vendor.c", Wallet.ALIPAY, false, 0, "vendor.a")).build());
        assertTrue(e.getMessage().contains("\"vendor.a\" is its own ancestor: vendor.a -> vendor.b -> vendor.c -> vendor.a"),
                e.getMessage());
    }

    @Test
    void aMethodCannotBeItsOwnParent() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> method("vendor.a", Wallet.ALIPAY, false, 0, "vendor.a"));
        assertTrue(e.getMessage().contains("vendor.a cannot be its own parent"), e.getMessage());
    }

    @Test
    void ancestorsAreListedNearestFirst() {
        PaymentMethod grandchild = method("alipay.huabei.installment.6.promo", Wallet.ALIPAY, true, 6,
                "alipay.huabei.installment.6");
        PaymentMethodRegistry registry = STANDARD.toBuilder().add(grandchild).build();
        assertEquals(List.of(PaymentMethods.HUABEI_INSTALLMENT_6, ALIPAY_HUABEI), registry.ancestorsOf(grandchild));
        assertEquals(List.of(), registry.ancestorsOf(ALIPAY));
    }

    @Test
    void anUnregisteredMethodsAncestorsMustBeRegistered() {
        PaymentMethod stray = method("vendor.stray", Wallet.ALIPAY, false, 0, "vendor.missing");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> STANDARD.ancestorsOf(stray));
        assertEquals(ErrorCode.UNKNOWN_PAYMENT_METHOD, e.code());
    }

    @Test
    void creditMethodOfMapsAFundingSourceToThePricedMethod() {
        assertEquals(Optional.of(ALIPAY_HUABEI), STANDARD.creditMethodOf(Wallet.ALIPAY, 0));
        assertEquals(Optional.of(PaymentMethods.HUABEI_INSTALLMENT_12), STANDARD.creditMethodOf(Wallet.ALIPAY, 12));
        assertEquals(Optional.empty(), STANDARD.creditMethodOf(Wallet.ALIPAY, 5));
        assertEquals(Optional.of(PaymentMethods.WECHAT_PAY_CREDIT), STANDARD.creditMethodOf(Wallet.WECHAT_PAY, 0));
        assertEquals(Optional.empty(), STANDARD.creditMethodOf(Wallet.WECHAT_PAY, 3));
        assertEquals(Optional.empty(), STANDARD.creditMethodOf(Wallet.ECNY, 0));
        // The UnionPay credit card is entered as a card, not as a payment code.
        assertEquals(Optional.empty(), STANDARD.creditMethodOf(Wallet.UNIONPAY, 0));
        assertEquals(Optional.of(PaymentMethods.UNIONPAY_CREDIT_CARD),
                STANDARD.creditMethodOf(Wallet.UNIONPAY, EntryMode.CARD, 0));
    }

    @Test
    void plainMethodOfIsWhatAScannedPaymentCodePaysWith() {
        assertEquals(Optional.of(ALIPAY), STANDARD.plainMethodOf(Wallet.ALIPAY));
        assertEquals(Optional.of(PaymentMethods.WECHAT_PAY), STANDARD.plainMethodOf(Wallet.WECHAT_PAY));
        assertEquals(Optional.of(PaymentMethods.UNIONPAY_QR), STANDARD.plainMethodOf(Wallet.UNIONPAY));
        assertEquals(Optional.of(PaymentMethods.ECNY), STANDARD.plainMethodOf(Wallet.ECNY));
        assertEquals(Optional.empty(), PaymentMethodRegistry.builder().add(ALIPAY_HUABEI).build()
                .plainMethodOf(Wallet.ALIPAY));
    }

    @Test
    void aWalletsInstallmentMethodsAreItsPlansFewestPeriodsFirst() {
        PaymentMethodRegistry registry = PaymentMethodRegistry.builder().add(ALIPAY_HUABEI)
                .add(PaymentMethods.HUABEI_INSTALLMENT_12).add(PaymentMethods.HUABEI_INSTALLMENT_3).build();
        assertEquals(List.of(PaymentMethods.HUABEI_INSTALLMENT_3, PaymentMethods.HUABEI_INSTALLMENT_12),
                registry.installmentMethodsOf(Wallet.ALIPAY, EntryMode.BUYER_CODE));
        assertEquals(List.of(), STANDARD.installmentMethodsOf(Wallet.WECHAT_PAY, EntryMode.BUYER_CODE));
    }
}
