package dev.tenderkit.testkit.alipay;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of a trade's status that Alipay tells the merchant about asynchronously (alipay.md §6):
 * paid, refunded (in part: still {@code TRADE_SUCCESS}; in full: {@code TRADE_CLOSED}), or closed
 * unpaid.
 *
 * @param trade the trade after the change
 * @param kind what happened
 * @param outBizNo for a refund: its out_request_no
 * @param at when
 * @param origin the request that created the trade: where to notify, its subject
 */
record TradeEvent(AlipayTrade trade, Kind kind, Optional<String> outBizNo, Instant at, TradeOrigin origin) {

    /** What happened to the trade. */
    enum Kind {
        PAID,
        REFUNDED,
        CLOSED
    }

    TradeEvent {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outBizNo, "outBizNo");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(origin, "origin");
    }
}
