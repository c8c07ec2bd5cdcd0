package dev.tenderkit.core;

/**
 * Stable, machine-readable codes carried by every {@link TenderKitException}.
 *
 * <p>The names are part of the public contract: integrators switch on them and log them, so a
 * constant is never renamed or reused for another meaning. New codes are appended.
 */
public enum ErrorCode {
    /** An argument passed to an API was missing, out of range or of the wrong shape. */
    INVALID_ARGUMENT,
    /** A money amount could not be parsed or is outside what TenderKit accepts. */
    INVALID_AMOUNT,
    /** A software version string could not be parsed. */
    INVALID_VERSION,
    /** A scanned payment code (付款码) belongs to no known wallet or is malformed. */
    INVALID_PAYMENT_CODE,
    /** A payment method id is not known to the registry in use. */
    UNKNOWN_PAYMENT_METHOD,
    /** A JSON document (policy, description, schedule) is malformed; the error names where. */
    MALFORMED_DOCUMENT,
    /** A builder was given a setting that cannot work; the error names the setting. */
    INVALID_CONFIGURATION,
    /** A pluggable component (rule, check, gateway) failed in a way TenderKit could not recover from. */
    EXTENSION_FAILURE,
    /**
     * A file is not a journal, or a caller required an intact journal and it holds damage (a record
     * that is not a torn tail); nothing was discarded. The engine itself uses {@link #JOURNAL_DAMAGED}.
     */
    JOURNAL_CORRUPT,
    /** Another process (or another open journal in this one) holds the journal's lock. */
    JOURNAL_LOCKED,
    /** Reading or writing the journal failed; the operation did not complete. */
    JOURNAL_IO,
    /**
     * The store's journal is damaged (a record that was complete fails its checks, or the journal is
     * shorter than its durable high-water mark): the engine refuses new payments and refunds until a
     * person has repaired it. The message names the file(s), the byte offset(s) and what to do.
     */
    JOURNAL_DAMAGED,
    /**
     * Encrypted data (a wallet's AES-GCM notification or certificate) failed its authentication
     * check: the key is not the one it was encrypted with, or the data, nonce or associated data were
     * altered. Nothing was decrypted.
     */
    DECRYPTION_FAILED,
    /**
     * A database-backed {@code TransactionStore} could not complete an operation (the database is
     * down, the connection was lost, a statement failed): nothing was written, or, for a commit whose
     * answer was lost, the record may be there; either way the engine sends nothing after it.
     */
    STORE_UNAVAILABLE,
    /**
     * A record was saved from a revision that is no longer the stored one: another engine (or another
     * step) changed the trade or refund first. Nothing was overwritten; re-read and decide again.
     */
    STORE_CONFLICT,
    /**
     * A wallet's bill file is malformed, truncated, of the wrong encoding, or fails its integrity check
     * (a hash that does not match): nothing of it was believed. The error names the file, the line and
     * the column.
     */
    MALFORMED_BILL,
    /**
     * A wallet's bill could not be fetched (the network failed, the download link expired, the answer was
     * unverifiable, the file exceeds the size limit); nothing of it was believed. Ask again later.
     */
    BILL_UNAVAILABLE,
    /**
     * The order's attempt is unfinished and another engine sharing the store holds it (its claim or
     * lease has not expired): this engine sent nothing for it. Ask again later: with the same order id
     * the trade's outcome is answered once it is final, and this engine takes the trade over once the
     * other's lease has passed.
     */
    HELD_BY_ANOTHER_ENGINE,
    /**
     * A store shared by several engines refused a refund's request because, with the refunds of its
     * trade already saved (by any engine) that did not fail, it would exceed what was paid: nothing was
     * saved or sent.
     */
    REFUND_EXCEEDS_PAYMENT
}
