package dev.tenderkit.core.payment;

import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.TenderKitException;
import dev.tenderkit.core.money.Money;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a trade's refunded total to what its REFUNDED refunds add up to, the refund records being
 * the truth. Engines sharing a store may save refunds of one trade at once: a save refused as a
 * conflict (another engine saved the trade first) is made again from the record it saved, until the
 * total is right. Stateless.
 */
final class RefundedTotal {
    private static final Logger LOG = LoggerFactory.getLogger(RefundedTotal.class);
    /** Saves refused as conflicts before giving up: each means another engine moved the trade on. */
    private static final int CONFLICTS = 8;

    private RefundedTotal() {
    }

    /**
     * @param services the store, through the engine's services
     * @param outTradeNo the trade
     * @return the trade's record with its total right (saved if it had to change); empty when the store
     *     does not hold the trade
     * @throws TenderKitException when a save fails otherwise, or conflicts more than a few times in a row
     */
    static Optional<TradeRecord> bringUpToDate(TradeServices services, String outTradeNo) {
        for (int conflicts = 0; ; conflicts++) {
            Optional<TradeRecord> latest = services.trade(outTradeNo);
            if (latest.isEmpty()) {
                return latest;
            }
            Money total = services.refundedTotal(outTradeNo);
            if (total.equals(latest.get().refunded())) {
                return latest;
            }
            TradeRecord next = latest.get().withRefunded(total, services.now());
            try {
                services.save(next);
                return Optional.of(next);
            } catch (TenderKitException e) {
                if (e.code() != ErrorCode.STORE_CONFLICT || conflicts >= CONFLICTS) {
                    throw e;
                }
                LOG.debug("trade {}: its refunded total was saved by another engine first; reading it again",
                        outTradeNo);
            }
        }
    }
}
