package dev.tenderkit.testkit.alipay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated wallet's trade bills: {@code alipay.data.dataservice.bill.downloadurl.query} (a
 * {@link GatewayMethod}) and the download of the link it answers ({@code GET /downloadBillFile.resource?…&token=},
 * an {@link HttpHandler}), as Alipay serves them (bills.md §1). A link lives 30 s on the simulator's clock; an
 * expired or unknown token is answered {@code 200} with Alipay's "下载超时，请重新下载" text, not a zip. The bill
 * is rendered from the ledger's movements when it is downloaded ({@link AlipayBillWriter}). Thread-safe.
 */
final class BillDownloads implements HttpHandler {
    static final String METHOD = "alipay.data.dataservice.bill.downloadurl.query";
    static final Duration LINK_LIFETIME = Duration.ofSeconds(30);
    private static final DateTimeFormatter BILL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private record Link(LocalDate day, Instant issued) {
    }

    private final WalletState state;
    private final String pid;
    private final String base;
    private final Map<String, Link> links = new HashMap<>();

    BillDownloads(WalletState state, String pid, int port) {
        this.state = state;
        this.pid = pid;
        this.base = "http://127.0.0.1:" + port + "/downloadBillFile.resource";
    }

    /** @return the URL query method, run under the wallet's lock */
    GatewayMethod urlQuery() {
        return (biz, params) -> {
            String type = BizFields.str(biz, "bill_type");
            String date = BizFields.str(biz, "bill_date");
            if (!type.equals("trade")) {
                return new Answer(Answers.error("40004", "Business Failed", "isv.invalid-arguments",
                        "参数不合法: the simulator serves bill_type=trade only, was '" + type + "'"), false);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date, BILL_DATE);
            } catch (DateTimeParseException e) {
                return new Answer(Answers.error("40004", "Business Failed", "isv.invalid-arguments",
                        "参数不合法: bill_date must be yyyy-MM-dd, was '" + date + "'"), false);
            }
            if (!day.isBefore(BillBook.day(state.instant()))) {
                return new Answer(Answers.error("40004", "Business Failed", "isv.invalid-arguments",
                        "参数不合法: the bill of " + day + " is not generated before the day ends"), false);
            }
            if (!state.bills.any(day)) {
                return Answers.refused("isp.bill_not_exist", "账单不存在");
            }
            String token = UUID.randomUUID().toString().replace("-", "");
            synchronized (links) {
                links.put(token, new Link(day, state.instant()));
            }
            String account = pid + "0156";
            Map<String, Object> m = Answers.success();
            m.put("bill_download_url", base + "?bizType=trade&userId=" + account + "&fileType=csv.zip&bizDates="
                    + DAY.format(day) + "&downloadFileName=" + account + "_" + DAY.format(day) + ".csv.zip&fileId=%2Ftrade%2F"
                    + account + "%2F" + DAY.format(day) + ".csv.zip&timestamp=" + state.instant().toEpochMilli()
                    + "&token=" + token);
            return new Answer(m, false);
        };
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain;charset=utf-8", "method not allowed: use GET".getBytes(AlipayBillWriter.GBK));
                return;
            }
            String token = Forms.parse(Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse(""))
                    .getOrDefault("token", "");
            Link link;
            synchronized (links) {
                link = links.get(token);
            }
            Instant now = state.instant();
            if (link == null || now.isAfter(link.issued().plus(LINK_LIFETIME))) {
                send(ex, 200, "text/html;charset=GBK",
                        "<html><body>下载超时，请重新下载</body></html>".getBytes(AlipayBillWriter.GBK));
                return;
            }
            List<AlipayBillRow> rows;
            synchronized (state.lock) {
                rows = state.bills.rows(link.day(), state.ledger, state.origins);
            }
            AlipayBillWriter writer = new AlipayBillWriter(pid, link.day(), BillBook.local(now));
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=" + DAY.format(link.day())
                    + ".csv.zip");
            send(ex, 200, "application/zip", writer.zip(rows));
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain;charset=utf-8", ("simulator failure: " + e).getBytes(AlipayBillWriter.GBK));
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
