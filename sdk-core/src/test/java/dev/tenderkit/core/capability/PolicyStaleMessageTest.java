package dev.tenderkit.core.capability;

import static dev.tenderkit.core.method.PaymentMethods.ALIPAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The POLICY_STALE finding says the policy's maximum age in words, in both languages. */
class PolicyStaleMessageTest {

    private static Finding staleFinding(Duration maxAge) {
        CapabilityPolicy policy = Fixtures.policy("2026.11.3").issuedAt(Fixtures.NOW.minus(maxAge).minusSeconds(1))
                .maxAge(maxAge).build();
        return Fixtures.resolver(policy).resolve(Fixtures.goodContext(), ALIPAY).findings().stream()
                .filter(f -> f.cause() == Cause.POLICY_STALE).findFirst().orElseThrow();
    }

    @Test
    void thirtyDaysReadsThirtyDaysNotPt720h() {
        Finding f = staleFinding(Duration.ofHours(720));
        assertEquals("platform policy 2026.11.3 was issued 2026-10-26T01:59:59Z and is older than its maximum age of"
                + " 30 days", f.message().en());
        assertEquals("平台策略 2026.11.3 发布于 2026-10-26T01:59:59Z，已超过有效期（30天）", f.message().zh());
    }

    @Test
    void aMaximumAgeShorterThanADayIsNotZeroDays() {
        Finding f = staleFinding(Duration.ofHours(2).plusMinutes(5));
        assertEquals("platform policy 2026.11.3 was issued 2026-11-24T23:54:59Z and is older than its maximum age of"
                + " 2 hours 5 minutes", f.message().en());
        assertEquals("平台策略 2026.11.3 发布于 2026-11-24T23:54:59Z，已超过有效期（2小时5分钟）", f.message().zh());
    }
}
