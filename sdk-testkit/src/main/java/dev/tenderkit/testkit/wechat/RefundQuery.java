package dev.tenderkit.testkit.wechat;

import java.util.Optional;

/**
 * {@code GET /v3/refund/domestic/refunds/{out_refund_no}}: the refund as it stands. A PROCESSING
 * refund settles on the query after its scripted number of PROCESSING answers. Unknown: 404
 * RESOURCE_NOT_EXISTS.
 */
final class RefundQuery implements Endpoint {
    private final WalletState s;

    RefundQuery(WalletState s) {
        this.s = s;
    }

    @Override
    public Answer handle(Call call) {
        Optional<WeChatRefund> found = s.ledger.refund(call.pathId());
        if (found.isEmpty()) {
            return Answer.error(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
        }
        WeChatRefund r = found.get();
        boolean changed = false;
        if (r.status() == WeChatRefund.Status.PROCESSING) {
            int left = s.refundQueriesLeft.getOrDefault(r.outRefundNo(), 0);
            if (left > 0) {
                s.refundQueriesLeft.put(r.outRefundNo(), left - 1);
            } else {
                r = s.settle(r);
                changed = true;
            }
        }
        return Answer.ok(Refunds.render(s, r), changed);
    }
}
