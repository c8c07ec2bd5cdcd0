package dev.tenderkit.transport.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What became of a download ({@link GatewayTransport#download}): a file such as a wallet's bill, streamed to
 * disk and never whole in memory. Exactly one of four things:
 *
 * <ul>
 *   <li>{@link Saved}: a 2xx answer whose body is now the file, whole;</li>
 *   <li>{@link Refused}: an answer of another status, its (small) body kept in memory for the caller to read,
 *       and nothing written;</li>
 *   <li>{@link TooLarge}: the body is longer than the limit; the file was deleted;</li>
 *   <li>{@link Failed}: no whole answer ({@link HttpOutcome.NotSent} or {@link HttpOutcome.OutcomeUnknown});
 *       the file was deleted.</li>
 * </ul>
 */
public sealed interface HttpDownload {

    /**
     * The body is the file, whole.
     *
     * @param status the 2xx status
     * @param headers the answer's headers
     * @param file where the body is
     * @param size how many bytes were written
     */
    record Saved(int status, HttpHeaders headers, Path file, long size) implements HttpDownload {
        /** Validates. */
        public Saved {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * An answer that is not 2xx: what the server said, read into memory up to the refusal limit.
     *
     * @param response the answer
     */
    record Refused(HttpOutcome.Response response) implements HttpDownload {
        /** Validates. */
        public Refused {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * The body exceeds the limit: the download stopped there and the file is gone.
     *
     * @param limit the limit, in bytes
     */
    record TooLarge(long limit) implements HttpDownload {
    }

    /**
     * No whole answer.
     *
     * @param outcome why: not sent, or sent with the outcome unknown
     */
    record Failed(HttpOutcome outcome) implements HttpDownload {
        /** Validates. */
        public Failed {
            if (!(outcome instanceof HttpOutcome.NotSent) && !(outcome instanceof HttpOutcome.OutcomeUnknown)) {
                throw new IllegalArgumentException("a failed download is NotSent or OutcomeUnknown: " + outcome);
            }
        }
    }
}
