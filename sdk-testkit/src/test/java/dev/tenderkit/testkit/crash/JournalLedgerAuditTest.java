package dev.tenderkit.testkit.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenderkit.core.capability.Cause;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.TradeIntent;
import dev.tenderkit.core.payment.TradeKind;
import dev.tenderkit.core.payment.TradeProgress;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TradeState;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.payment.spi.GatewayCode;
import dev.tenderkit.core.payment.spi.GatewayError;
import dev.tenderkit.core.payment.spi.Payment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The crash tests' auditor catches each kind of disagreement, so a green run means something. */
class JournalLedgerAuditTest {
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    private static final Money AMOUNT = Money.parse("12.34");
    private static final List<WorkList.Order> ORDERS = List.of(new WorkList.Order("O1", AMOUNT, "PAYS_AT_ONCE",
            "280000000000000001"), new WorkList.Order("O2", AMOUNT, "NEVER_CONFIRMS", "280000000000000005"));

    @Test
    void agreeingJournalAndLedgerPass() {
        assertEquals(List.of(), audit(List.of(paid("A", "O1"), trade("B", "O2", TradeState.REVERSED)),
                ledger(charged("A"), closed("B")), List.of(new CashierTold("O1", "A", "PAID"))));
    }

    @Test
    void aChargeTheJournalDoesNotKnowIsLost() {
        assertOne("lost", audit(List.of(paid("A", "O1")), ledger(charged("A"), charged("X")), List.of()));
    }

    @Test
    void aChargedTradeTheJournalShowsReversedIsCaught() {
        assertOne("REVERSED in the journal", audit(List.of(trade("A", "O1", TradeState.REVERSED)),
                ledger(charged("A")), List.of()));
    }

    @Test
    void aReversedTradeTheWalletNeverClosedIsCaught() {
        assertOne("no such trade", audit(List.of(trade("A", "O1", TradeState.REVERSED)), ledger(), List.of()));
    }

    @Test
    void aPaidTradeTheWalletDidNotChargeIsCaught() {
        assertOne("PAID", audit(List.of(paid("A", "O1")), ledger(closed("A")), List.of()));
    }

    @Test
    void aTradeLeftPollingIsLimbo() {
        assertOne("limbo", audit(List.of(trade("A", "O1", TradeState.AWAITING_BUYER)), ledger(), List.of()));
    }

    @Test
    void twoTradesForOneOrderAreCaught() {
        assertOne("has 2 trades", audit(List.of(paid("A", "O1"), trade("B", "O1", TradeState.FAILED)),
                ledger(charged("A")), List.of()));
    }

    @Test
    void aCashierToldPaidForATradeThatEndedReversedIsCaught() {
        assertOne("told PAID", audit(List.of(trade("A", "O1", TradeState.REVERSED)), ledger(closed("A")),
                List.of(new CashierTold("O1", "A", "PAID"))));
    }

    private static List<String> audit(List<TradeRecord> journal, Map<String, WalletTrade> ledger,
            List<CashierTold> told) {
        return new JournalLedgerAudit(journal, ledger, ORDERS, told).violations();
    }

    private static void assertOne(String fragment, List<String> violations) {
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains(fragment), violations::toString);
    }

    private static TradeRecord trade(String no, String order, TradeState state) {
        Optional<GatewayError> failure = state == TradeState.FAILED ? Optional.of(new GatewayError(
                Cause.BUYER_INSUFFICIENT_FUNDS, GatewayCode.of("40004"))) : Optional.empty();
        return new TradeRecord(new TradeIntent(no, order, 1, TradeKind.BARCODE, "alipay-direct", "alipay", "alipay",
                AMOUNT, "s", Optional.empty(), "28**", Optional.empty(), T0, T0),
                new TradeProgress(state, T0, Optional.empty(), failure, Optional.empty(), Optional.empty(), 0,
                        Optional.empty(), Money.ZERO, Optional.empty(), false, 0));
    }

    private static TradeRecord paid(String no, String order) {
        return trade(no, order, TradeState.AWAITING_BUYER).paid(new Payment("2026" + no, AMOUNT,
                FundingSource.UNSPECIFIED, T0), Optional.empty(), T0);
    }

    private static WalletTrade charged(String no) {
        return new WalletTrade(no, AMOUNT, true, false, true, false, "BAR_CODE TRADE_SUCCESS");
    }

    private static WalletTrade closed(String no) {
        return new WalletTrade(no, Money.ZERO, false, true, false, false, "BAR_CODE TRADE_CLOSED closed by cancel");
    }

    private static Map<String, WalletTrade> ledger(WalletTrade... trades) {
        Map<String, WalletTrade> m = new LinkedHashMap<>();
        for (WalletTrade t : trades) {
            m.put(t.outTradeNo(), t);
        }
        return m;
    }
}
