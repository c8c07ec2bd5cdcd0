package dev.tenderkit.testkit.crash;

import dev.tenderkit.core.money.Money;
import java.util.Objects;

/**
 * One trade of a simulated wallet's ledger, in the terms {@link JournalLedgerAudit} compares: each
 * wallet's test maps its own ledger entry (an {@code AlipayTrade}, a {@code WeChatTrade}) to this.
 *
 * @param outTradeNo the trade number
 * @param charged what the buyer is out of pocket now
 * @param paid whether the wallet shows it paid and standing (not reversed or closed)
 * @param closed whether the wallet shows it closed (reversed, revoked, closed or failed)
 * @param everCharged whether the buyer was ever charged for it (paid, even if since reversed)
 * @param fromCredit whether it was paid from credit (Huabei, a credit card)
 * @param description the wallet's own words for it, for failure messages
 */
public record WalletTrade(String outTradeNo, Money charged, boolean paid, boolean closed, boolean everCharged,
        boolean fromCredit, String description) {
    /** Validates. */
    public WalletTrade {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(description, "description");
    }

    /** @return whether it is closed with nothing charged */
    public boolean closedUncharged() {
        return closed && charged.isZero();
    }
}
