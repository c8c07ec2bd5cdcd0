package dev.tenderkit.alipay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bounded memory of notify_ids behind duplicate recognition. */
class NotifyIdMemoryTest {

    @Test
    void theOldestAcceptedIdsAreForgottenFirstAndOnesInProgressAreKept() {
        NotifyIdMemory m = new NotifyIdMemory(2);
        assertEquals(NotifyIdMemory.Claim.FIRST, m.claim("a"));
        assertEquals(NotifyIdMemory.Claim.IN_PROGRESS, m.claim("a"));
        m.accepted("a");
        assertEquals(NotifyIdMemory.Claim.ACCEPTED, m.claim("a"));
        m.claim("b");
        m.accepted("b");
        m.claim("c");
        m.accepted("c");
        assertFalse(m.isAccepted("a"), "beyond capacity: the oldest accepted id goes");
        assertTrue(m.isAccepted("b") && m.isAccepted("c"));
        assertEquals(2, m.size());
    }

    @Test
    void aReleasedIdCanBeHandledAgain() {
        NotifyIdMemory m = new NotifyIdMemory(10);
        m.claim("x");
        m.release("x");
        assertEquals(NotifyIdMemory.Claim.FIRST, m.claim("x"));
    }
}
