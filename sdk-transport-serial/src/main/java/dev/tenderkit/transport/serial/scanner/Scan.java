package dev.tenderkit.transport.serial.scanner;

import dev.tenderkit.core.method.PaymentCode;
import dev.tenderkit.core.method.PaymentCodeMask;
import java.time.Instant;
import java.util.Objects;

/** One line from a barcode scanner, as a {@link ScanListener} gets it. */
public sealed interface Scan {

    /** @return when the line ended (or timed out), by the scanner's clock */
    Instant at();

    /**
     * A payment code (付款码) of a known wallet. {@link #toString()} shows it masked.
     *
     * @param code the classified code
     * @param at when it was scanned
     */
    record Payment(PaymentCode code, Instant at) implements Scan {
        /** Checks nothing is null. */
        public Payment {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A barcode that is not a payment code of any known wallet (a product EAN, a coupon, a
     * voucher). {@link #toString()} masks it too, since it could be a payment code of a wallet the
     * classifier does not know.
     *
     * @param text the barcode's text, prefix and suffix removed
     * @param at when it was scanned
     */
    record Barcode(String text, Instant at) implements Scan {
        /** Checks nothing is null. */
        public Barcode {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String toString() {
            return "Barcode[" + PaymentCodeMask.mask(text) + " at " + at + "]";
        }
    }

    /**
     * A line thrown away; its content is not kept.
     *
     * @param reason why
     * @param length how many bytes it had
     * @param at when it was thrown away
     */
    record Discarded(DiscardReason reason, int length, Instant at) implements Scan {
        /** Checks nothing is null. */
        public Discarded {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
