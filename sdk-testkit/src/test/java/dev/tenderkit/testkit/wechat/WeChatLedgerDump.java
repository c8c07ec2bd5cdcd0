package dev.tenderkit.testkit.wechat;

import java.nio.file.Path;

/** Run in a child JVM: loads a ledger file and prints one line per order and per refund. */
public final class WeChatLedgerDump {
    private WeChatLedgerDump() {
    }

    public static void main(String[] args) {
        WeChatLedger ledger = WeChatLedger.load(Path.of(args[0]));
        for (WeChatTrade t : ledger.trades().values()) {
            System.out.println("trade " + t.outTradeNo() + " " + t.tradeType() + " " + t.state() + " " + t.charged().fen()
                    + " " + t.bankType().orElse("-"));
        }
        for (WeChatRefund r : ledger.refunds().values()) {
            System.out.println("refund " + r.outRefundNo() + " " + r.outTradeNo() + " " + r.status() + " " + r.amount().fen());
        }
    }
}
