package dev.tenderkit.wechat;

import java.util.Objects;

/**
 * What {@link WeChatPayCallbackHandler} made of one callback, and so what to answer WeChat Pay:
 * write {@link #status()} and {@link #body()} as the HTTP response. Accepted and duplicate
 * callbacks are answered 204 with no body (WeChat stops resending); a rejected one 4xx or 5xx with
 * {@code {"code":"FAIL","message":…}}, and WeChat resends on its schedule.
 */
public sealed interface CallbackAnswer {

    /** @return the HTTP status to answer */
    int status();

    /** @return the HTTP body to answer (empty for 204) */
    String body();

    /**
     * First seen, verified, decrypted, every check passed; the listener was told.
     *
     * @param callback the callback
     */
    record Accepted(WeChatPayCallback callback) implements CallbackAnswer {
        /** Validates. */
        public Accepted {
            Objects.requireNonNull(callback, "callback");
        }

        @Override
        public int status() {
            return 204;
        }

        @Override
        public String body() {
            return "";
        }
    }

    /**
     * A verified resend of a callback already accepted: answered as accepted, the listener not told again.
     *
     * @param id the callback's id
     */
    record Duplicate(String id) implements CallbackAnswer {
        /** Validates. */
        public Duplicate {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public int status() {
            return 204;
        }

        @Override
        public String body() {
            return "";
        }
    }

    /**
     * Refused.
     *
     * @param reason why, as a stable value
     * @param detail a sentence for the log and the answer's message
     */
    record Rejected(Reason reason, String detail) implements CallbackAnswer {
        /** Validates. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public int status() {
            return reason.status;
        }

        @Override
        public String body() {
            return new JsonBody().put("code", "FAIL").put("message", reason.name() + ": " + detail).text();
        }
    }

    /** Why a callback was rejected, with the HTTP status it is answered with. */
    enum Reason {
        /** Unsigned, badly signed, stale, a probe, or an unknown key. */
        BAD_SIGNATURE(401),
        /** Not the JSON WeChat Pay sends, or a resource that is not AEAD_AES_256_GCM. */
        MALFORMED(400),
        /** The resource did not decrypt with the APIv3 key. */
        DECRYPTION_FAILED(400),
        /** Another merchant's or app's, an unknown trade, or another amount. */
        BUSINESS_CHECK(400),
        /** The same id is being handled right now, or the listener failed: resend later. */
        TRY_AGAIN(500);

        final int status;

        Reason(int status) {
            this.status = status;
        }
    }
}
