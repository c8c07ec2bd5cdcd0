package dev.tenderkit.transport.serial.ecr;

/** Where a sale, refund or void stands, as the terminal reports it. */
public enum TransactionStatus {
    /** Done: the money moved. */
    APPROVED,
    /** Refused: no money moved (insufficient balance, code expired, ...); the reason says why. */
    DECLINED,
    /** Still running (the buyer may be entering a password); ask again with a last-result query. */
    IN_PROGRESS,
    /** The terminal itself does not know yet (its own gateway call has an unknown outcome); ask again later. Never assume either way. */
    UNKNOWN
}
