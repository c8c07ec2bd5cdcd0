package dev.tenderkit.benchmarks.wechat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * WeChat Pay without the network, for the client-CPU benchmark: an OkHttp application interceptor
 * (set on the transport's base client) that writes each request's body out, as sending it would, and
 * answers with one pre-signed answer, so a {@code WeChatPayGateway} call runs everything it runs for
 * real (request body, signature, {@code GatewayTransport} and OkHttp's call, verification, parsing,
 * binding) except the socket. It keeps the first request it saw, from which the floor rebuilds the
 * very text the SDK signed.
 */
final class InMemoryWeChatPay implements Interceptor {
    private static final MediaType JSON = MediaType.get("application/json");

    private final SignedAnswer answer;
    private volatile Optional<SeenRequest> first = Optional.empty();

    /** A request as it reached the wire. */
    record SeenRequest(String method, String pathAndQuery, String authorization, String body) {
        /** @return the text WeChat Pay verifies the request with: {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n} */
        String signedText() {
            return method + "\n" + pathAndQuery + "\n" + field("timestamp") + "\n" + field("nonce_str") + "\n" + body
                    + "\n";
        }

        private String field(String name) {
            int at = authorization.indexOf(name + "=\"") + name.length() + 2;
            return authorization.substring(at, authorization.indexOf('"', at));
        }
    }

    /** @param answer what every request is answered with */
    InMemoryWeChatPay(SignedAnswer answer) {
        this.answer = answer;
    }

    /** @return the first request answered, if any */
    Optional<SeenRequest> firstRequest() {
        return first;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Buffer sent = new Buffer();
        if (request.body() != null) {
            request.body().writeTo(sent);
        }
        if (first.isEmpty()) {
            String query = request.url().encodedQuery();
            first = Optional.of(new SeenRequest(request.method(), request.url().encodedPath()
                    + (query == null ? "" : "?" + query), request.header("Authorization"),
                    sent.readString(StandardCharsets.UTF_8)));
        }
        sent.clear(); // gives its segment back to okio's pool, as a socket write would
        Response.Builder b = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK");
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        return b.body(ResponseBody.create(answer.body(), JSON)).build();
    }
}
