package dev.tenderkit.testkit.alipay;

import java.nio.file.Path;

/** Run in a child JVM: loads a ledger file and prints one line per trade. */
public final class LedgerDump {
    private LedgerDump() {
    }

    public static void main(String[] args) {
        AlipayLedger ledger = AlipayLedger.load(Path.of(args[0]));
        for (AlipayTrade t : ledger.trades().values()) {
            System.out.println(t.outTradeNo() + " " + t.status() + " " + t.charged().toPlainString() + " "
                    + t.fundChannel().orElse("-") + " " + t.installments() + " " + t.refunds().size());
        }
    }
}
