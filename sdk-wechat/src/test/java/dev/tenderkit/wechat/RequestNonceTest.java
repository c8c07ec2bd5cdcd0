package dev.tenderkit.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The request nonce (drawn from one block of random bytes per request) is what WeChat Pay and the
 * official SDK use: 32 characters of A–Z, a–z, 0–9, never repeated, and every one of the 62
 * characters is drawn.
 */
class RequestNonceTest {

    @Test
    void noncesAreThirtyTwoAlphanumericsUniqueAndCoverTheAlphabet() {
        RequestSigner signer = new RequestSigner(Fixtures.publicKeyMode());
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String n = signer.nonce();
            assertTrue(n.matches("[A-Za-z0-9]{32}"), n);
            assertTrue(seen.add(n), "repeated nonce " + n);
            n.chars().forEach(c -> used.add((char) c));
        }
        assertEquals(62, used.size(), "characters drawn: " + used);
    }
}
