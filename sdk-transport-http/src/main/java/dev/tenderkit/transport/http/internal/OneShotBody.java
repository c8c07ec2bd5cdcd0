package dev.tenderkit.transport.http.internal;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body OkHttp may write only once: {@link #isOneShot()} tells OkHttp's retry and
 * follow-up logic that it cannot be replayed, so no path inside OkHttp resends it.
 */
final class OneShotBody extends RequestBody {

    private final MediaType contentType;
    private final byte[] bytes;

    /**
     * @param contentType the media type, or {@code null} for none (OkHttp's contract)
     * @param bytes the body; not copied, never changed
     */
    OneShotBody(MediaType contentType, byte[] bytes) {
        this.contentType = contentType;
        this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
        return contentType;
    }

    @Override
    public long contentLength() {
        return bytes.length;
    }

    @Override
    public boolean isOneShot() {
        return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws java.io.IOException {
        sink.write(bytes);
    }
}
