package dev.tenderkit.transport.http;

import dev.tenderkit.transport.http.internal.CallGuards;
import dev.tenderkit.transport.http.internal.CallState;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;

/** Turns a {@link GatewayRequest} into OkHttp's request, tagged with the call's state; a POST body is one-shot. */
final class OkHttpRequests {
    private OkHttpRequests() {
    }

    static Request of(GatewayRequest request, CallState state) {
        HttpUrl url = HttpUrl.get(request.url().toString());
        Request.Builder builder = new Request.Builder().url(url).tag(CallState.class, state);
        for (Map.Entry<String, String> header : request.headers()) {
            builder.addHeader(header.getKey(), header.getValue());
        }
        if (request.method().equals("POST")) {
            MediaType type = MediaType.get(request.contentType().orElseThrow());
            builder.post(CallGuards.oneShotBody(type, request.bodyUnsafe()));
        } else {
            builder.get();
        }
        return builder.build();
    }
}
