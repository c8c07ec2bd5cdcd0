package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.fee.FeeRounding;
import dev.tenderkit.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulated wallet's trade bills are made of: every money movement as it happened (a payment, a
 * refund, a paid trade's reversal), with its time, and the bill's scripted divergences from the ledger — a
 * service fee rate (for all trades, per fund channel, per trade), a reversal the bill does not show, a refund
 * the bill states at another amount. A day's bill is the movements dated that day in Beijing time
 * ({@link #rows}). Guarded by the wallet's lock, as everything in {@link WalletState}.
 *
 * <p>Fees: a payment's 服务费 is the rate applied to its amount, rounded half up to the fen; a refund (or a
 * reversal) returns the rate applied to the amount returned, never more than the trade's fee not yet
 * returned (alipay.md has no source for Alipay's rule: an inference, see the module README).
 */
final class BillBook {
    /** What moved. */
    enum Kind {
        PAYMENT,
        REFUND,
        REVERSAL
    }

    /** One movement: of a trade, its amount (a magnitude), the refund's out_request_no, and when. */
    record Move(String outTradeNo, Kind kind, Money amount, Optional<String> requestNo, Instant at) {
    }

    private final List<Move> moves = new ArrayList<>();
    private final Map<String, FeeRate> tradeRates = new HashMap<>();
    private final Map<String, FeeRate> channelRates = new HashMap<>();
    private final Set<String> reversalsHidden = new HashSet<>();
    private final Map<String, Money> refundAmounts = new HashMap<>();
    private FeeRate rate = FeeRate.parse("0.6%");

    void paid(AlipayTrade t, Instant at) {
        moves.add(new Move(t.outTradeNo(), Kind.PAYMENT, t.totalAmount(), Optional.empty(), at));
    }

    void refunded(AlipayTrade t, String requestNo, Money amount, Instant at) {
        moves.add(new Move(t.outTradeNo(), Kind.REFUND, amount, Optional.of(requestNo), at));
    }

    void reversed(AlipayTrade t, Instant at) {
        moves.add(new Move(t.outTradeNo(), Kind.REVERSAL, t.charged(), Optional.empty(), at));
    }

    void serviceFeeRate(FeeRate r) {
        rate = r;
    }

    void serviceFeeRate(String outTradeNo, FeeRate r) {
        tradeRates.put(outTradeNo, r);
    }

    void serviceFeeRateForChannel(String fundChannel, FeeRate r) {
        channelRates.put(fundChannel, r);
    }

    void hideReversal(String outTradeNo) {
        reversalsHidden.add(outTradeNo);
    }

    void statedRefund(String outRequestNo, Money amount) {
        refundAmounts.put(outRequestNo, amount);
    }

    /** @return whether anything moved on the day: else Alipay has no bill for it */
    boolean any(LocalDate day) {
        return moves.stream().anyMatch(m -> day(m.at()).equals(day));
    }

    /**
     * @param day the business day (Beijing)
     * @param ledger the trades
     * @param origins where each trade came from (its subject and creation time)
     * @return the bill's rows of that day, in the order the movements happened, divergences applied
     */
    List<AlipayBillRow> rows(LocalDate day, AlipayLedger ledger, Map<String, TradeOrigin> origins) {
        Map<String, long[]> fees = new HashMap<>();   // trade → {fen charged, fen returned}
        List<AlipayBillRow> rows = new ArrayList<>();
        for (Move m : moves) {
            Optional<AlipayTrade> found = ledger.trade(m.outTradeNo());
            if (found.isEmpty()) {
                continue;   // the ledger was cleared
            }
            AlipayTrade t = found.get();
            FeeRate r = tradeRates.getOrDefault(t.outTradeNo(),
                    channelRates.getOrDefault(t.fundChannel().orElse("ALIPAYACCOUNT"), rate));
            Money amount = m.kind() == Kind.REFUND ? m.requestNo().map(refundAmounts::get).orElse(m.amount())
                    : m.amount();
            if (amount == null) {
                amount = m.amount();
            }
            long[] fee = fees.computeIfAbsent(t.outTradeNo(), k -> new long[2]);
            long fen = r.applyTo(amount, FeeRounding.HALF_UP).fen();
            if (m.kind() == Kind.PAYMENT) {
                fee[0] += fen;
            } else {
                fen = Math.min(fen, fee[0] - fee[1]);
                fee[1] += fen;
            }
            if (!day(m.at()).equals(day) || m.kind() == Kind.REVERSAL && reversalsHidden.contains(t.outTradeNo())) {
                continue;
            }
            TradeOrigin origin = origins.get(t.outTradeNo());
            LocalDateTime completed = local(m.at());
            rows.add(new AlipayBillRow(t.tradeNo(), t.outTradeNo(),
                    m.kind() == Kind.PAYMENT ? AlipayBillRow.Kind.TRADE : AlipayBillRow.Kind.REFUND,
                    origin == null ? "" : origin.subject(), origin == null ? completed : local(origin.created()),
                    completed, amount, Money.ofFen(fen), m.requestNo()));
        }
        return rows;
    }

    static LocalDate day(Instant at) {
        return at.atZone(WalletState.BEIJING).toLocalDate();
    }

    static LocalDateTime local(Instant at) {
        return at.atZone(WalletState.BEIJING).toLocalDateTime();
    }
}
