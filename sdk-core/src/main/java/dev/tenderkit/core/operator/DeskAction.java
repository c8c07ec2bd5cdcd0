package dev.tenderkit.core.operator;

/** The money actions an {@link OperatorDesk} performs, as the audit trail names them. */
public enum DeskAction {
    /** A barcode payment. */
    PAY,
    /** A refund of part or all of an order's payment. */
    REFUND,
    /** A cancel: of an attempt in progress, or of a paid order (then a refund of what remains). */
    CANCEL,
    /** A person's resolution of a trade the engine flagged for attention. */
    RESOLVE
}
