package dev.tenderkit.testkit.alipay;

import java.time.Instant;
import java.util.Optional;

/**
 * What the request that created a trade said beyond the ledger's fields: where Alipay must post its
 * notifications ({@code notify_url}), the subject, and when the trade was created.
 */
record TradeOrigin(Optional<String> notifyUrl, String subject, Instant created) {
}
