package dev.tenderkit.testkit.wechat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which endpoint a method and raw path name, and the identifier the path carries. */
final class Routes {
    /**
     * A matched route.
     *
     * @param endpoint one of {@link SimulatedWeChatPay#ENDPOINTS}
     * @param pathId the decoded identifier in the path, empty if none
     * @param byTransactionId for a query: by transaction_id rather than out_trade_no
     * @param methodAllowed whether the HTTP method is the one the endpoint takes
     */
    record Route(String endpoint, String pathId, boolean byTransactionId, boolean methodAllowed) {
    }

    private record Rule(String method, Pattern path, String endpoint, boolean byId) {
    }

    private static final String SEGMENT = "([^/]+)";
    private static final Rule[] RULES = {
        new Rule("POST", Pattern.compile("/v3/pay/transactions/codepay"), "codepay", false),
        new Rule("POST", Pattern.compile("/v3/pay/transactions/native"), "native", false),
        new Rule("GET", Pattern.compile("/v3/pay/transactions/out-trade-no/" + SEGMENT), "query", false),
        new Rule("GET", Pattern.compile("/v3/pay/transactions/id/" + SEGMENT), "query", true),
        new Rule("POST", Pattern.compile("/v3/pay/transactions/out-trade-no/" + SEGMENT + "/reverse"), "reverse", false),
        new Rule("POST", Pattern.compile("/v3/pay/transactions/out-trade-no/" + SEGMENT + "/close"), "close", false),
        new Rule("POST", Pattern.compile("/v3/refund/domestic/refunds"), "refund", false),
        new Rule("GET", Pattern.compile("/v3/refund/domestic/refunds/" + SEGMENT), "refund-query", false),
        new Rule("GET", Pattern.compile("/v3/certificates"), "certificates", false),
        new Rule("GET", Pattern.compile("/v3/bill/tradebill"), "tradebill", false),
        new Rule("GET", Pattern.compile("/v3/billdownload/file"), "bill-download", false),
    };

    private Routes() {
    }

    static Optional<Route> match(String method, String rawPath) {
        Optional<Route> wrongMethod = Optional.empty();
        for (Rule r : RULES) {
            Matcher m = r.path().matcher(rawPath);
            if (m.matches()) {
                String id = m.groupCount() > 0 ? URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8) : "";
                Route route = new Route(r.endpoint(), id, r.byId(), r.method().equals(method));
                if (route.methodAllowed()) {
                    return Optional.of(route);
                }
                wrongMethod = Optional.of(route);
            }
        }
        return wrongMethod;
    }
}
