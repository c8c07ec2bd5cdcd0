package dev.tenderkit.transport.http.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that refuses to let a request be written a second time once an earlier
 * attempt of the same call may have left. OkHttp's own resends are already off
 * ({@code retryOnConnectionFailure(false)}, redirects off, a one-shot body); this also stops
 * resends nobody configured here: an application interceptor of a host-supplied client that calls
 * {@code proceed} twice, or a follow-up such as a 408 or a {@code 503 Retry-After: 0} answer.
 * The refusal surfaces as {@link ResendRefusedException}, hence as "outcome unknown".
 */
final class ResendGuard implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        CallState state = chain.request().tag(CallState.class);
        if (state != null && !state.mayAttemptSend()) {
            throw new ResendRefusedException();
        }
        return chain.proceed(chain.request());
    }

    /** Thrown instead of writing a request a second time. */
    static final class ResendRefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        ResendRefusedException() {
            super("refused to send the request again: an earlier attempt of this call may have reached the gateway");
        }
    }
}
