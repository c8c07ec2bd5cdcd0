package dev.tenderkit.testkit.alipay;

import dev.tenderkit.core.fee.FeeRate;
import dev.tenderkit.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trade bills of a {@link SimulatedAlipay} ({@link SimulatedAlipay#bills()}): what they will say, and the
 * divergences from the ledger a test or the end-of-day example scripts into them — the four a reconciliation
 * must find:
 *
 * <ol>
 *   <li>{@link #chargeUnseen}: a trade paid at the wallet under a number the till never sent;</li>
 *   <li>{@link #hideReversal}: a reversal the wallet confirmed (the ledger has the trade closed) that the bill
 *       does not show, so the trade still looks paid;</li>
 *   <li>{@link #serviceFeeRate(String, FeeRate)}, {@link #serviceFeeRateForChannel}: a fee other than the
 *       contracted one, per trade or per fund channel ({@code PCREDIT} for Huabei, {@code ALIPAYACCOUNT});</li>
 *   <li>{@link #stateRefundAs}: a refund the bill states at another amount than the one applied.</li>
 * </ol>
 *
 * The bill of a day is the day's movements (Beijing time): a payment at its time of payment, each refund and
 * each reversal of a paid trade (as a 退款 row of the amount returned, without a request number) at its own
 * time. Thread-safe (under the wallet's lock).
 */
public final class SimulatedAlipayBills {
    private final WalletState state;
    private final String pid;

    SimulatedAlipayBills(WalletState state, String pid) {
        this.state = state;
        this.pid = pid;
    }

    /**
     * Divergence 1: the wallet charges a buyer under {@code outTradeNo} now, a trade the till never sent.
     *
     * @param outTradeNo a number the till does not know
     * @param amount what the buyer paid
     * @return the paid trade, as the ledger has it
     * @throws IllegalArgumentException if the ledger already has the number
     */
    public AlipayTrade chargeUnseen(String outTradeNo, Money amount) {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(amount, "amount");
        synchronized (state.lock) {
            if (state.ledger.trade(outTradeNo).isPresent()) {
                throw new IllegalArgumentException("the ledger already has " + outTradeNo);
            }
            AlipayTrade t = new AlipayTrade(outTradeNo, state.nextTradeNo(), "BAR_CODE", amount,
                    AlipayTrade.Status.WAIT_BUYER_PAY, Money.ZERO, Optional.empty(), 0, java.util.Map.of(),
                    Optional.empty());
            state.create(t, Optional.empty(), "未知订单");
            AlipayTrade paid = state.markPaid(t, false, 0);
            state.persist();
            return paid;
        }
    }

    /**
     * Divergence 2: the bill leaves out the reversal of this trade (before or after it happens).
     *
     * @param outTradeNo the trade
     * @return this
     */
    public SimulatedAlipayBills hideReversal(String outTradeNo) {
        synchronized (state.lock) {
            state.bills.hideReversal(Objects.requireNonNull(outTradeNo, "outTradeNo"));
        }
        return this;
    }

    /**
     * The service fee rate of every trade without a rate of its own or of its fund channel (the builder's
     * {@link SimulatedAlipayBuilder#serviceFeeRate}).
     *
     * @param rate the rate
     * @return this
     */
    public SimulatedAlipayBills serviceFeeRate(FeeRate rate) {
        synchronized (state.lock) {
            state.bills.serviceFeeRate(Objects.requireNonNull(rate, "rate"));
        }
        return this;
    }

    /**
     * Divergence 3, per trade: the bill charges this trade's payment (and returns on its refunds) at this rate.
     *
     * @param outTradeNo the trade
     * @param rate the rate
     * @return this
     */
    public SimulatedAlipayBills serviceFeeRate(String outTradeNo, FeeRate rate) {
        synchronized (state.lock) {
            state.bills.serviceFeeRate(Objects.requireNonNull(outTradeNo, "outTradeNo"),
                    Objects.requireNonNull(rate, "rate"));
        }
        return this;
    }

    /**
     * Divergence 3, per method: trades paid through this fund channel are charged at this rate.
     *
     * @param fundChannel {@code PCREDIT} (Huabei) or {@code ALIPAYACCOUNT} (the balance)
     * @param rate the rate
     * @return this
     */
    public SimulatedAlipayBills serviceFeeRateForChannel(String fundChannel, FeeRate rate) {
        synchronized (state.lock) {
            state.bills.serviceFeeRateForChannel(Objects.requireNonNull(fundChannel, "fundChannel"),
                    Objects.requireNonNull(rate, "rate"));
        }
        return this;
    }

    /**
     * Divergence 4: the bill states the refund {@code outRequestNo} at {@code amount}, whatever was refunded.
     *
     * @param outRequestNo the refund's request number
     * @param amount the amount the bill states
     * @return this
     */
    public SimulatedAlipayBills stateRefundAs(String outRequestNo, Money amount) {
        synchronized (state.lock) {
            state.bills.statedRefund(Objects.requireNonNull(outRequestNo, "outRequestNo"),
                    Objects.requireNonNull(amount, "amount"));
        }
        return this;
    }

    /**
     * @param day a business day (Beijing time)
     * @return the rows its bill has now, divergences applied (empty: Alipay answers {@code isp.bill_not_exist})
     */
    public List<AlipayBillRow> rows(LocalDate day) {
        synchronized (state.lock) {
            return List.copyOf(state.bills.rows(day, state.ledger, state.origins));
        }
    }

    /**
     * @param day a business day
     * @return a writer of that day's bill for this merchant (its PID, exported at the simulator's time)
     */
    public AlipayBillWriter writer(LocalDate day) {
        return new AlipayBillWriter(pid, day, BillBook.local(state.instant()));
    }
}
