package dev.tenderkit.transport.http;

import dev.tenderkit.transport.http.internal.CallState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.ResponseBody;

/** Streams a download to a file within a limit; the body of {@link GatewayTransport#download}. */
final class Downloads {
    /** How much of a refusal's body is read: wallets answer a refused download with a short JSON. */
    static final int REFUSAL_LIMIT = 64 * 1024;

    private Downloads() {
    }

    /**
     * @return the download's outcome, and the outcome the transport's listener is told of
     * @throws UncheckedIOException when writing the file fails (the disk, not the network); the file is deleted
     */
    static HttpDownload run(Call call, CallState state, Path file, long maxBytes) {
        try (okhttp3.Response response = call.execute()) {
            ResponseBody body = response.body();
            HttpHeaders headers = new HttpHeaders(response.headers().toMultimap());
            if (!response.isSuccessful()) {
                byte[] bytes = readCapped(body.byteStream());
                Charset charset = Optional.ofNullable(body.contentType()).map(t -> t.charset(StandardCharsets.UTF_8))
                        .orElse(StandardCharsets.UTF_8);
                return new HttpDownload.Refused(new HttpOutcome.Response(response.code(), headers, bytes,
                        new String(bytes, charset)));
            }
            if (body.contentLength() > maxBytes) {
                return new HttpDownload.TooLarge(maxBytes);
            }
            long size = copy(body.byteStream(), file, maxBytes);
            return size < 0 ? new HttpDownload.TooLarge(maxBytes)
                    : new HttpDownload.Saved(response.code(), headers, file, size);
        } catch (FileWriteFailure e) {
            deleteQuietly(file, e.getCause());
            throw new UncheckedIOException("writing the download to " + file + " failed", e.local());
        } catch (IOException | RuntimeException failure) {
            deleteQuietly(file, failure);
            return new HttpDownload.Failed(state.outcomeOf(failure));
        }
    }

    /** @return what the transport's listener and log are told of a download: its status, without the body */
    static HttpOutcome asOutcome(HttpDownload download) {
        if (download instanceof HttpDownload.Failed failed) {
            return failed.outcome();
        }
        if (download instanceof HttpDownload.Refused refused) {
            return refused.response();
        }
        int status = download instanceof HttpDownload.Saved saved ? saved.status() : 200;
        return new HttpOutcome.Response(status, HttpHeaders.EMPTY, new byte[0], "");
    }

    /** @return the bytes written, or -1 (file deleted) when the body is longer than {@code maxBytes} */
    private static long copy(InputStream in, Path file, long maxBytes) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try (OutputStream out = open(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    break;
                }
                write(out, buffer, n);
            }
        }
        if (total > maxBytes) {
            deleteQuietly(file, null);
            return -1;
        }
        return total;
    }

    private static OutputStream open(Path file) throws FileWriteFailure {
        try {
            return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new FileWriteFailure(e);
        }
    }

    private static void write(OutputStream out, byte[] buffer, int n) throws FileWriteFailure {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new FileWriteFailure(e);
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] buffer = new byte[REFUSAL_LIMIT];
        int total = 0;
        for (int n = in.read(buffer, 0, buffer.length); n > 0 && total < buffer.length;
                n = in.read(buffer, total, buffer.length - total)) {
            total += n;
            if (total == buffer.length) {
                break;
            }
        }
        return java.util.Arrays.copyOf(buffer, total);
    }

    private static void deleteQuietly(Path file, Throwable into) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            if (into != null) {
                into.addSuppressed(e);
            }
        }
    }

    /** Writing the file failed: a local failure, not the network's, so not a download outcome. */
    private static final class FileWriteFailure extends IOException {
        private static final long serialVersionUID = 1L;

        FileWriteFailure(IOException cause) {
            super(cause);
        }

        IOException local() {
            return (IOException) getCause();
        }
    }
}
