package dev.tenderkit.alipay.mitm;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.Payment;
import dev.tenderkit.testkit.alipay.AlipayTrade;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares, trade by trade, what the engine concluded with what the wallet's ledger says, after
 * the attacks have ended and the engine has settled everything. Each disagreement is one line of
 * {@link #violations()}, naming the trade, both sides' state and what the trade went through.
 *
 * <ul>
 *   <li>Every trade and refund of the engine is final.</li>
 *   <li>PAID ⇔ the wallet holds a payment of that amount for that out_trade_no (standing, or
 *       returned only by the engine's own refunds), under the same wallet trade number, from the
 *       same funding (Huabei or not).</li>
 *   <li>REVERSED or FAILED ⇔ nothing stands charged at the wallet: it never heard of the trade, or
 *       closed it unpaid, or the cancel returned the money. A trade the wallet still holds open
 *       (WAIT_BUYER_PAY) is a disagreement too: the buyer's late confirmation would charge her.</li>
 *   <li>A refund REFUNDED ⇔ the wallet has a refund of that number and amount; FAILED ⇔ it has
 *       none; the wallet has no refund the engine does not know; the trade's refunded total is the
 *       wallet's.</li>
 *   <li>The wallet has no trade the engine does not know.</li>
 *   <li>A QR trade's code, as the engine handed it to the cashier, is the one the wallet issued for
 *       that trade (else the buyer pays another trade).</li>
 * </ul>
 *
 * Being flagged for a person is not a disagreement by itself; it is counted.
 */
final class EngineLedgerAudit {
    /** What a disagreement is about: which of the engine's conclusions is wrong. */
    enum Subject {
        /** The trade's state (or payment). */
        TRADE,
        /** One refund of the trade. */
        REFUND,
        /** The QR code the engine handed out for the trade. */
        QR_CODE,
        /** A trade or refund the wallet has and the engine does not. */
        UNKNOWN_TO_ENGINE
    }

    /**
     * One disagreement.
     *
     * @param outTradeNo the trade
     * @param subject which conclusion of the engine's it is about
     * @param refundRequestNo the refund it is about, if it is about one
     * @param what what disagrees
     */
    record Violation(String outTradeNo, Subject subject, Optional<String> refundRequestNo, String what) {
    }

    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, TradeRecord> engineTrades = new LinkedHashMap<>();
    private final Map<String, AlipayTrade> ledger;
    private final Function<String, String> history;
    private int paid;
    private int reversed;
    private int failed;
    private int flagged;
    private int refunds;
    private int refundsFailed;

    /**
     * @param trades every trade the engine journaled, final records
     * @param refunds the engine's refunds, by out_trade_no
     * @param ledger the wallet's ledger, by out_trade_no
     * @param qrShown out_trade_no → the QR code the engine gave the cashier for it
     * @param genuineQr out_trade_no → the QR code the wallet issued for it
     * @param history out_trade_no → what the trade went through (attacks, the answer that decided it), for messages
     */
    EngineLedgerAudit(List<TradeRecord> trades, Map<String, List<RefundRecord>> refunds,
            Map<String, AlipayTrade> ledger, Map<String, String> qrShown, Map<String, String> genuineQr,
            Function<String, String> history) {
        this.history = history;
        this.ledger = ledger;
        Set<String> known = new HashSet<>();
        for (TradeRecord t : trades) {
            known.add(t.outTradeNo());
            engineTrades.put(t.outTradeNo(), t);
            AlipayTrade w = ledger.get(t.outTradeNo());
            checkTrade(t, w);
            checkRefunds(t, refunds.getOrDefault(t.outTradeNo(), List.of()), w);
        }
        for (AlipayTrade w : ledger.values()) {
            if (!known.contains(w.outTradeNo())) {
                add(w.outTradeNo(), Subject.UNKNOWN_TO_ENGINE, Optional.empty(), "the wallet has this trade, the "
                        + "engine has none");
            }
        }
        for (Map.Entry<String, String> shown : qrShown.entrySet()) {
            String genuine = genuineQr.get(shown.getKey());
            if (!shown.getValue().equals(genuine)) {
                String owner = genuineQr.entrySet().stream().filter(e -> e.getValue().equals(shown.getValue()))
                        .map(Map.Entry::getKey).findFirst().orElse("no trade");
                add(shown.getKey(), Subject.QR_CODE, Optional.empty(), "the cashier was shown QR code "
                        + shown.getValue() + ", which the wallet issued for " + owner + "; this trade's is "
                        + Optional.ofNullable(genuine).orElse("none"));
            }
        }
    }

    private void checkTrade(TradeRecord t, AlipayTrade w) {
        if (!t.state().isFinal()) {
            add(t, "left unsettled: " + t.state() + " after recovery in pass-through");
            return;
        }
        if (t.needsAttention()) {
            flagged++;
        }
        if (t.state() == TradeState.PAID) {
            paid++;
            checkPaid(t, w);
            return;
        }
        if (t.state() == TradeState.REVERSED) {
            reversed++;
        } else {
            failed++;
        }
        if (w == null) {
            return;   // the wallet never heard of it: nothing charged
        }
        if (w.status() == AlipayTrade.Status.WAIT_BUYER_PAY) {
            add(t, t.state() + " but the wallet still waits for the buyer: her confirmation would charge her");
        } else if (w.status() == AlipayTrade.Status.TRADE_SUCCESS) {
            add(t, t.state() + " but the wallet holds a payment of " + w.charged());
        } else if (!w.charged().isZero()) {
            add(t, t.state() + " but the closed trade still holds " + w.charged());
        }
    }

    private void checkPaid(TradeRecord t, AlipayTrade w) {
        Payment p = t.payment().orElseThrow();
        if (w == null || w.kind().equals("NONE")) {
            add(t, "PAID but the wallet has no such trade");
        } else if (!w.everPaid()) {
            add(t, "PAID but the wallet never charged it");
        } else if (w.closedBy().filter(c -> !c.equals("refund")).isPresent()) {
            add(t, "PAID but the wallet returned the money: the trade was closed by a " + w.closedBy().get());
        } else {
            if (!p.gatewayTradeNo().equals(w.tradeNo())) {
                add(t, "PAID under wallet trade number \"" + p.gatewayTradeNo() + "\", the wallet's is "
                        + w.tradeNo());
            }
            if (!p.amount().equals(w.totalAmount()) || !t.amount().equals(w.totalAmount())) {
                add(t, "PAID " + p.amount() + " for a trade of " + t.amount() + ", the wallet charged "
                        + w.totalAmount());
            }
            if (p.fundingSource().credit() != w.huabei()) {
                add(t, "PAID from " + p.fundingSource().channelCode() + ", the wallet charged "
                        + w.fundChannel().orElse("?"));
            }
        }
    }

    private void checkRefunds(TradeRecord t, List<RefundRecord> engine, AlipayTrade w) {
        Map<String, Money> wallet = w == null ? Map.of() : w.refunds();
        Set<String> seen = new HashSet<>();
        Money refunded = Money.ZERO;
        for (RefundRecord r : engine) {
            seen.add(r.refundRequestNo());
            Money atWallet = wallet.get(r.refundRequestNo());
            String which = "refund " + r.refundRequestNo() + " of " + r.amount() + ": ";
            switch (r.state()) {
                case REQUESTED -> add(t, r, which + "left unsettled: REQUESTED after recovery in pass-through");
                case REFUNDED -> {
                    refunds++;
                    refunded = refunded.plus(r.amount());
                    if (atWallet == null) {
                        add(t, r, which + "REFUNDED but the wallet has no such refund");
                    } else if (!atWallet.equals(r.amount())) {
                        add(t, r, which + "REFUNDED but the wallet refunded " + atWallet + " under that number");
                    }
                }
                case FAILED -> {
                    refundsFailed++;
                    if (atWallet != null) {
                        add(t, r, which + "FAILED but the wallet refunded " + atWallet + " under that number");
                    }
                }
                default -> throw new IllegalStateException("unknown refund state " + r.state());
            }
        }
        for (Map.Entry<String, Money> e : wallet.entrySet()) {
            if (!seen.contains(e.getKey())) {
                add(t.outTradeNo(), Subject.UNKNOWN_TO_ENGINE, Optional.of(e.getKey()), "the wallet refunded "
                        + e.getValue() + " under number " + e.getKey() + ", a refund the engine does not have");
            }
        }
        if (t.state() == TradeState.PAID && !t.refunded().equals(refunded)) {
            add(t, "the trade's refunded total is " + t.refunded() + ", its refunds add up to " + refunded);
        }
    }

    private void add(TradeRecord t, String what) {
        add(t.outTradeNo(), Subject.TRADE, Optional.empty(), what);
    }

    private void add(TradeRecord t, RefundRecord r, String what) {
        add(t.outTradeNo(), Subject.REFUND, Optional.of(r.refundRequestNo()), what);
    }

    private void add(String outTradeNo, Subject subject, Optional<String> refundRequestNo, String what) {
        violations.add(new Violation(outTradeNo, subject, refundRequestNo, what));
    }

    static String describe(TradeRecord t) {
        StringBuilder sb = new StringBuilder().append(t.kind()).append(' ').append(t.state()).append(' ')
                .append(t.amount());
        t.payment().ifPresent(p -> sb.append(", paid ").append(p.amount()).append(" under wallet trade number \"")
                .append(p.gatewayTradeNo()).append("\" from ").append(p.fundingSource().channelCode()));
        t.failure().ifPresent(f -> sb.append(", failed: ").append(f.raw()));
        if (t.refunded().isPositive()) {
            sb.append(", refunded ").append(t.refunded());
        }
        t.attention().ifPresent(a -> sb.append(", flagged: ").append(a));
        return sb.toString();
    }

    static String describe(AlipayTrade w) {
        if (w == null) {
            return "no such trade";
        }
        StringBuilder sb = new StringBuilder().append(w.kind()).append(' ').append(w.status()).append(' ')
                .append(w.totalAmount()).append(", trade_no ").append(w.tradeNo()).append(", charged ")
                .append(w.charged());
        w.fundChannel().ifPresent(f -> sb.append(" from ").append(f));
        if (!w.refunds().isEmpty()) {
            sb.append(", refunds ").append(w.refunds());
        }
        w.closedBy().ifPresent(c -> sb.append(", closed by ").append(c));
        return sb.toString();
    }

    /** @return every disagreement; empty when engine and wallet agree on everything */
    List<Violation> violations() {
        return List.copyOf(violations);
    }

    /**
     * @return one paragraph per trade with disagreements: what disagrees, both sides' state, and what
     *     the trade went through
     */
    List<String> report() {
        Map<String, List<Violation>> byTrade = new LinkedHashMap<>();
        for (Violation v : violations) {
            byTrade.computeIfAbsent(v.outTradeNo(), k -> new ArrayList<>()).add(v);
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Violation>> e : byTrade.entrySet()) {
            TradeRecord t = engineTrades.get(e.getKey());
            StringBuilder sb = new StringBuilder(e.getKey());
            if (t != null) {
                sb.append(" (order ").append(t.orderId()).append(')');
            }
            sb.append(':');
            for (Violation v : e.getValue()) {
                sb.append("\n      - ").append(v.what());
            }
            sb.append("\n      engine: ").append(t == null ? "no such trade" : describe(t))
                    .append("\n      wallet: ").append(describe(ledger.get(e.getKey())))
                    .append("\n      ").append(history.apply(e.getKey()));
            out.add(sb.toString());
        }
        return out;
    }

    String summary() {
        return paid + " paid, " + reversed + " reversed, " + failed + " failed (" + flagged + " flagged for a person); "
                + refunds + " refunds refunded, " + refundsFailed + " failed";
    }

    int paid() {
        return paid;
    }

    int reversed() {
        return reversed;
    }

    int failed() {
        return failed;
    }

    int refunds() {
        return refunds;
    }
}
