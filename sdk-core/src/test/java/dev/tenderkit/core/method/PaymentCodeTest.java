package dev.tenderkit.core.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PaymentCodeTest {

    private static final String ALIPAY_CODE = "285123456789011234";

    @Test
    void toStringShowsTheWalletAndOnlyTheMaskedCode() {
        PaymentCode code = PaymentCodeClassifier.standard().classify(ALIPAY_CODE);
        assertEquals("PaymentCode[ALIPAY 2851**********1234]", code.toString());
        assertFalse(code.toString().contains(ALIPAY_CODE));
    }

    @Test
    void maskedIsTheMaskOfTheValue() {
        PaymentCode code = new PaymentCode(Wallet.WECHAT_PAY, "134567890123456789");
        assertEquals("1345**********6789", code.masked());
        assertEquals(PaymentCodeMask.mask(code.value()), code.masked());
    }

    @Test
    void valueIsTheWholeCodeForTheGateway() {
        assertEquals(ALIPAY_CODE, PaymentCodeClassifier.standard().classify(ALIPAY_CODE).value());
    }

    @Test
    void equalityIsByWalletAndValue() {
        PaymentCode a = new PaymentCode(Wallet.ALIPAY, ALIPAY_CODE);
        PaymentCode b = PaymentCodeClassifier.standard().classify(new String(ALIPAY_CODE.toCharArray()));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new PaymentCode(Wallet.ECNY, ALIPAY_CODE));
        assertNotEquals(a, new PaymentCode(Wallet.ALIPAY, "285123456789011235"));
        assertNotEquals(a, (Object) ALIPAY_CODE);
    }

    @Test
    void requiresWalletAndValue() {
        assertThrows(NullPointerException.class, () -> new PaymentCode(null, ALIPAY_CODE));
        assertThrows(NullPointerException.class, () -> new PaymentCode(Wallet.ALIPAY, null));
    }
}
