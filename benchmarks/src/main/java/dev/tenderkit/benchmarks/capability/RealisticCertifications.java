package dev.tenderkit.benchmarks.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static dev.tenderkit.core.method.PaymentMethods.ALIPAY_HUABEI;
import static dev.tenderkit.core.method.PaymentMethods.ECNY;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_12;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_3;
import static dev.tenderkit.core.method.PaymentMethods.HUABEI_INSTALLMENT_6;
import static dev.tenderkit.core.method.PaymentMethods.UNIONPAY_QR;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY;
import static dev.tenderkit.core.method.PaymentMethods.WECHAT_PAY_CREDIT;

import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The terminals of {@link RealisticPolicy}: 26 brand/model certifications over 8 brands, the
 * accepted and the refused worlds' terminals written out, the rest drawn from the seeded generator.
 */
final class RealisticCertifications {
    /** Brand → (version line major, models); a "*" model stands for every other model of the brand. */
    private static final Map<String, Brand> BRANDS = brands();

    private record Brand(int major, List<String> models) {
    }

    private RealisticCertifications() {
    }

    private static Map<String, Brand> brands() {
        Map<String, Brand> m = new LinkedHashMap<>();
        m.put("Sunmi", new Brand(3, List.of("P2 Pro", "P2 Lite", "V2s", "V2 Pro", "T2s", "*")));
        m.put("PAX", new Brand(4, List.of("A920", "A920 Pro", "A8900", "IM30", "A77")));
        m.put("Newland", new Brand(2, List.of("N910", "N950", "ME31S", "*")));
        m.put("Landi", new Brand(5, List.of("APOS A8", "*")));
        m.put("Centerm", new Brand(1, List.of("K9", "C960F", "*")));
        m.put("NEXGO", new Brand(6, List.of("N86", "N92")));
        m.put("Urovo", new Brand(2, List.of("i9100", "i9000s")));
        m.put("Ingenico", new Brand(7, List.of("DX8000", "*")));
        return m;
    }

    static void addTo(CapabilityPolicy.Builder b, Random random) {
        for (Map.Entry<String, Brand> e : BRANDS.entrySet()) {
            String brand = e.getKey();
            for (String model : e.getValue().models()) {
                Map<String, SoftwareVersion> versions;
                if (brand.equals(RealisticPolicy.CERTIFIED_BRAND) && model.equals(RealisticPolicy.CERTIFIED_MODEL)) {
                    versions = certifiedForEverything();
                } else if (brand.equals(RealisticPolicy.OUTDATED_BRAND) && model.equals(RealisticPolicy.OUTDATED_MODEL)) {
                    versions = huabeiFrom(RealisticPolicy.OUTDATED_MODEL_HUABEI_MINIMUM);
                } else {
                    versions = randomCertification(e.getValue().major(), random);
                }
                b.certification(new TerminalCertification(brand, model, versions));
            }
        }
    }

    /** Every method that needs certification, at versions a 3.8 terminal is above. */
    private static Map<String, SoftwareVersion> certifiedForEverything() {
        Map<String, SoftwareVersion> v = new LinkedHashMap<>();
        v.put(UNIONPAY_QR.id(), SoftwareVersion.parse("2.0.0"));
        v.put(ALIPAY.id(), SoftwareVersion.parse("2.0.0"));
        v.put(ALIPAY_HUABEI.id(), SoftwareVersion.parse("3.2.0"));
        v.put(HUABEI_INSTALLMENT_3.id(), SoftwareVersion.parse("3.4.0"));
        v.put(HUABEI_INSTALLMENT_6.id(), SoftwareVersion.parse("3.4.0"));
        v.put(HUABEI_INSTALLMENT_12.id(), SoftwareVersion.parse("3.4.0"));
        v.put(WECHAT_PAY.id(), SoftwareVersion.parse("2.0.0"));
        v.put(WECHAT_PAY_CREDIT.id(), SoftwareVersion.parse("3.3.0"));
        v.put(ECNY.id(), SoftwareVersion.parse("3.6.0"));
        return v;
    }

    /** Certified for the everyday methods and for Huabei from {@code huabeiMinimum}; no installments. */
    private static Map<String, SoftwareVersion> huabeiFrom(String huabeiMinimum) {
        Map<String, SoftwareVersion> v = new LinkedHashMap<>();
        v.put(UNIONPAY_QR.id(), SoftwareVersion.parse("1.8.0"));
        v.put(ALIPAY.id(), SoftwareVersion.parse("1.8.0"));
        v.put(ALIPAY_HUABEI.id(), SoftwareVersion.parse(huabeiMinimum));
        v.put(WECHAT_PAY.id(), SoftwareVersion.parse("1.8.0"));
        v.put(ECNY.id(), SoftwareVersion.parse("2.6.0"));
        return v;
    }

    /**
     * The everyday code methods always, from some version of the brand's line; the credit products
     * usually, from a later one (vendors integrate Huabei after Alipay, installments after Huabei).
     */
    private static Map<String, SoftwareVersion> randomCertification(int major, Random random) {
        Map<String, SoftwareVersion> v = new LinkedHashMap<>();
        int base = random.nextInt(4);
        v.put(UNIONPAY_QR.id(), version(major, base, random.nextInt(3)));
        v.put(ALIPAY.id(), version(major, base, random.nextInt(3)));
        v.put(WECHAT_PAY.id(), version(major, base, random.nextInt(3)));
        if (random.nextInt(10) < 8) {
            int huabei = base + 1 + random.nextInt(3);
            v.put(ALIPAY_HUABEI.id(), version(major, huabei, 0));
            if (random.nextInt(10) < 6) {
                SoftwareVersion installments = version(major, huabei + 1 + random.nextInt(2), random.nextInt(2));
                v.put(HUABEI_INSTALLMENT_3.id(), installments);
                v.put(HUABEI_INSTALLMENT_6.id(), installments);
                v.put(HUABEI_INSTALLMENT_12.id(), installments);
            }
        }
        if (random.nextInt(10) < 5) {
            v.put(WECHAT_PAY_CREDIT.id(), version(major, base + 2 + random.nextInt(3), 0));
        }
        if (random.nextInt(10) < 7) {
            v.put(ECNY.id(), version(major, base + 1 + random.nextInt(5), random.nextInt(3)));
        }
        return v;
    }

    private static SoftwareVersion version(int major, int minor, int patch) {
        return SoftwareVersion.of(major, minor, patch);
    }
}
