package dev.tenderkit.testkit.wechat;

import dev.tenderkit.core.money.Money;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /v3/bill/tradebill?bill_date=&bill_type=&tar_type=} (answered signed, as every API answer) and
 * the download it links to, {@code GET /v3/billdownload/file?token=…} (answered unsigned, as WeChat Pay sends
 * files): the day's bill drawn from the ledger by {@link SimulatedWeChatBills}, rendered by
 * {@link WeChatBillWriter}, hashed (SHA-1 of the uncompressed file) and kept under a token that expires on the
 * simulator's clock. A day with no rows is 400 {@code NO_STATEMENT_EXIST}; a day not ended (or not yet ready)
 * is 400 {@code STATEMENT_CREATING}; a bad date or type is 400 {@code PARAM_ERROR}.
 */
final class TradeBillApply implements Endpoint {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A download link's file. */
    private record Issued(byte[] bytes, Instant expires) {
    }

    /**
     * What the download endpoint serves.
     *
     * @param file the file's bytes, when the token is good
     * @param refusal the (signed) refusal otherwise
     */
    record Served(Optional<byte[]> file, Optional<Answer> refusal) {
    }

    private final WalletState s;
    private final SimulatedWeChatBills bills;
    private final Supplier<URI> base;
    private final Map<String, Issued> links = new HashMap<>();

    TradeBillApply(WalletState s, SimulatedWeChatBills bills, Supplier<URI> base) {
        this.s = s;
        this.bills = bills;
        this.base = base;
    }

    @Override
    public Answer handle(Call call) {
        LocalDate day;
        try {
            day = LocalDate.parse(call.query().getOrDefault("bill_date", ""), DATE);
        } catch (DateTimeParseException e) {
            return Answer.error(400, "PARAM_ERROR", "参数错误: bill_date 格式应为 yyyy-MM-DD");
        }
        String type = call.query().getOrDefault("bill_type", "ALL");
        String tar = call.query().getOrDefault("tar_type", "");
        if (!List.of("ALL", "SUCCESS", "REFUND").contains(type) || !(tar.isEmpty() || tar.equals("GZIP"))) {
            return Answer.error(400, "PARAM_ERROR", "参数错误: bill_type 或 tar_type 不合法");
        }
        Instant now = s.now();
        LocalDate today = now.atZone(WalletState.BEIJING).toLocalDate();
        if (day.isBefore(today.minusMonths(3))) {
            return Answer.error(400, "PARAM_ERROR", "参数错误: 只能下载三个月以内的账单");
        }
        Instant ready = day.plusDays(1).atStartOfDay(WalletState.BEIJING).toInstant().plus(bills.readyAfter());
        if (now.isBefore(ready)) {
            return Answer.error(400, "STATEMENT_CREATING", "请求的账单正在生成中");
        }
        List<WeChatBillRow> rows = new ArrayList<>();
        for (WeChatBillRow r : bills.rows(day)) {
            boolean keep = switch (type) {
                case "ALL" -> true;
                case "SUCCESS" -> r.status() == WeChatBillRow.Status.SUCCESS;
                default -> r.status() == WeChatBillRow.Status.REFUND;
            };
            if (keep) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return Answer.error(400, "NO_STATEMENT_EXIST", "请求的账单文件不存在");
        }
        WeChatBillWriter writer = new WeChatBillWriter(type.equals("REFUND") ? WeChatBillWriter.Layout.REFUND
                : WeChatBillWriter.Layout.ALL, s.appid, s.mchid);
        byte[] bill = writer.render(rows);
        String hash = WeChatBillWriter.sha1Hex(bill);
        byte[] served = tar.isEmpty() ? bill : WeChatBillWriter.gzip(bill);
        Optional<SimulatedWeChatBills.BillFault> fault = bills.takeFault();
        if (fault.isPresent() && fault.get() == SimulatedWeChatBills.BillFault.WRONG_HASH) {
            List<WeChatBillRow> altered = new ArrayList<>(rows);
            WeChatBillRow first = altered.get(0);
            altered.set(0, first.withOrderAmount(first.orderAmount().plus(Money.ofFen(1))));
            byte[] other = writer.render(altered);
            served = tar.isEmpty() ? other : WeChatBillWriter.gzip(other);
        } else if (fault.isPresent()) {
            served = java.util.Arrays.copyOf(served, served.length / 2);
        }
        String token = s.crypto.nonce(40);
        links.values().removeIf(i -> !now.isBefore(i.expires()));
        links.put(token, new Issued(served, now.plus(bills.linkValidity())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash_type", "SHA1");
        m.put("hash_value", hash);
        m.put("download_url", base.get() + "/v3/billdownload/file?token=" + token);
        return Answer.ok(m, false);
    }

    /** @return the file the token links to, or the refusal of an unknown or expired token */
    Served file(Call call) {
        synchronized (s.lock) {
            Issued i = links.get(call.query().getOrDefault("token", ""));
            if (i == null) {
                return new Served(Optional.empty(), Optional.of(Answer.error(404, "RESOURCE_NOT_EXISTS",
                        "账单下载链接不存在")));
            }
            if (!s.now().isBefore(i.expires())) {
                return new Served(Optional.empty(), Optional.of(Answer.error(400, "INVALID_REQUEST",
                        "账单下载链接已过期，请重新申请")));
            }
            return new Served(Optional.of(i.bytes()), Optional.empty());
        }
    }
}
