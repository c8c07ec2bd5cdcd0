package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.TaskScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the simulated WeChat Pay knows between requests: the ledger, scripted buyers and
 * refunds, orders whose buyer is still at the PIN dialog, callback URLs, and WeChat's own timers
 * (the 45 s auto-revoke of unpaid barcode orders, refunds settling). Guarded by {@link #lock}; the
 * endpoints run under it one at a time.
 */
final class WalletState {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** WeChat revokes a barcode order left unpaid this long (wechatpay.md §4). */
    static final Duration AUTO_REVOKE = Duration.ofSeconds(45);
    static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    /** A barcode order whose buyer is at the PIN dialog. */
    static final class Pending {
        final BuyerScript script;
        int queriesLeft;

        Pending(BuyerScript script) {
            this.script = script;
            this.queriesLeft = script.pinQueries();
        }
    }

    final Object lock = new Object();
    final WeChatLedger ledger = new WeChatLedger();
    final Map<String, BuyerScript> buyers = new HashMap<>();
    final Map<String, Pending> pending = new HashMap<>();
    /** out_trade_no → the payment code its codepay carried (memory only, never written or logged). */
    final Map<String, String> authCodes = new HashMap<>();
    final Map<String, String> notifyUrls = new HashMap<>();
    final Map<String, String> codeUrls = new HashMap<>();
    final Map<String, String> descriptions = new HashMap<>();
    final Map<String, RefundScript> refundScripts = new HashMap<>();
    /** out_refund_no → refund queries still answered PROCESSING. */
    final Map<String, Integer> refundQueriesLeft = new HashMap<>();
    final Map<String, String> refundNotifyUrls = new HashMap<>();
    int userPayingStatus = 202;

    final String mchid;
    final String appid;
    final TaskScheduler scheduler;
    final SimulatorCrypto crypto;
    private final Duration refundSettlesAfter;
    private final Optional<Path> ledgerFile;
    private final Consumer<WalletEvent> events;
    private long sequence;

    WalletState(String mchid, String appid, TaskScheduler scheduler, SimulatorCrypto crypto, Duration refundSettlesAfter,
            Optional<Path> ledgerFile, Consumer<WalletEvent> events) {
        this.mchid = mchid;
        this.appid = appid;
        this.scheduler = scheduler;
        this.crypto = crypto;
        this.refundSettlesAfter = refundSettlesAfter;
        this.ledgerFile = ledgerFile;
        this.events = events;
    }

    Instant now() {
        return scheduler.clock().instant();
    }

    static String rfc3339(Instant at) {
        return RFC3339.format(at.atZone(BEIJING));
    }

    String nextTransactionId() {
        return "4200" + DAY.format(now().atZone(BEIJING)) + String.format("%016d", ++sequence);
    }

    String nextRefundId() {
        return "50300" + DAY.format(now().atZone(BEIJING)) + String.format("%017d", ++sequence);
    }

    void persist() {
        ledgerFile.ifPresent(ledger::saveTo);
    }

    /** Revokes every barcode order left at the PIN dialog for 45 s, as WeChat does on its own. */
    boolean revokeExpired() {
        boolean changed = false;
        Instant now = now();
        // only orders at the PIN dialog can be revoked, and each of them is pending: no scan of the whole ledger
        for (String no : java.util.List.copyOf(pending.keySet())) {
            Optional<WeChatTrade> t = ledger.trade(no);
            if (t.isPresent() && t.get().state() == WeChatTrade.State.USERPAYING
                    && !now.isBefore(t.get().created().plus(AUTO_REVOKE))) {
                pending.remove(no);
                ledger.put(t.get().with(WeChatTrade.State.REVOKED, Money.ZERO));
                changed = true;
            }
        }
        return changed;
    }

    /** Schedules WeChat's auto-revoke of a barcode order now waiting for the PIN. */
    void scheduleAutoRevoke() {
        scheduler.schedule(() -> {
            synchronized (lock) {
                if (revokeExpired()) {
                    persist();
                }
            }
        }, AUTO_REVOKE);
    }

    WeChatTrade markPaid(WeChatTrade t, String bankType) {
        pending.remove(t.outTradeNo());
        WeChatTrade paid = t.paid(bankType, now());
        ledger.put(paid);
        String url = notifyUrls.get(t.outTradeNo());
        if (url != null) {
            events.accept(new WalletEvent("TRANSACTION.SUCCESS", "transaction", "支付成功", url, t.outTradeNo(),
                    Transactions.render(this, paid)));
        }
        return paid;
    }

    /** Schedules a PROCESSING refund to settle on its own after the simulator's refund delay. */
    void scheduleRefundSettlement(String outRefundNo) {
        scheduler.schedule(() -> {
            synchronized (lock) {
                Optional<WeChatRefund> r = ledger.refund(outRefundNo);
                if (r.isPresent() && r.get().status() == WeChatRefund.Status.PROCESSING) {
                    settle(r.get());
                    persist();
                }
            }
        }, refundSettlesAfter);
    }

    /** Settles a PROCESSING refund as scripted, moves the money on SUCCESS, and calls back. */
    WeChatRefund settle(WeChatRefund r) {
        RefundScript script = refundScripts.getOrDefault(r.outRefundNo(), RefundScript.succeeds());
        WeChatRefund done = r.settled(script.outcome(), now());
        refundQueriesLeft.remove(r.outRefundNo());
        ledger.put(done);
        if (done.status() == WeChatRefund.Status.SUCCESS) {
            WeChatTrade t = ledger.trade(r.outTradeNo()).orElseThrow();
            ledger.put(t.with(t.state(), t.charged().minus(r.amount())));
        }
        String url = refundNotifyUrls.get(r.outRefundNo());
        if (url != null) {
            String summary = switch (done.status()) {
                case SUCCESS -> "退款成功";
                case CLOSED -> "退款关闭";
                default -> "退款异常";
            };
            events.accept(new WalletEvent("REFUND." + done.status().name(), "refund", summary, url, r.outTradeNo(),
                    Refunds.callbackResource(this, done)));
        }
        return done;
    }
}
