package dev.tenderkit.transport.serial.printer;

import java.time.format.DateTimeFormatter;

/**
 * Lays out a {@link SalesReceipt} for a paper width, in columns of the printer's normal font
 * (32 on 58 mm paper, 48 on 80 mm). A Chinese character takes two columns.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReceiptLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int columns;

    /**
     * @param columns paper width in columns, 24 to 64
     * @throws IllegalArgumentException if out of range
     */
    public ReceiptLayout(int columns) {
        if (columns < 24 || columns > 64) {
            throw new IllegalArgumentException("columns: " + columns + " is outside 24..64");
        }
        this.columns = columns;
    }

    /** @return a layout for 58 mm paper, 32 columns */
    public static ReceiptLayout paper58mm() {
        return new ReceiptLayout(32);
    }

    /**
     * @param receipt what to print
     * @param cut whether to end with a partial cut
     * @return the print job
     */
    public EscPosDocument render(SalesReceipt receipt, boolean cut) {
        EscPosDocument doc = new EscPosDocument().align(EscPosDocument.Alignment.CENTER).bold(true).doubleSize(true)
                .line(fit(receipt.merchantName(), columns / 2)).doubleSize(false).bold(false).line("销售小票 SALES RECEIPT")
                .align(EscPosDocument.Alignment.LEFT).line(rule());
        for (ReceiptItem item : receipt.items()) {
            String right = item.quantity() + " x " + item.unitPrice().toPlainString() + "  " + item.total().toPlainString();
            int room = columns - width(right) - 1;
            if (width(item.name()) <= room) {
                doc.line(spread(item.name(), right));
            } else {
                doc.line(fit(item.name(), columns)).line(spread("", right));
            }
        }
        doc.line(rule())
                .line(spread("合计 Amount", receipt.amount().toPlainString()))
                .line("支付方式 Paid with")
                .align(EscPosDocument.Alignment.RIGHT).line(fit(receipt.fundingSource(), columns))
                .align(EscPosDocument.Alignment.LEFT)
                .bold(true).line(spread("顾客实付 Buyer paid", receipt.buyerTotal().toPlainString())).bold(false)
                .line(rule())
                .line("交易号 Trade no.")
                .line(fit(receipt.tradeNo(), columns))
                .line(spread("时间 Time", TIME.format(receipt.time())));
        receipt.qrContent().ifPresent(qr -> doc.align(EscPosDocument.Alignment.CENTER)
                .qrCode(qr, 6, QrErrorCorrection.M).line("扫码开具电子发票 Scan for e-invoice")
                .align(EscPosDocument.Alignment.LEFT));
        if (cut) {
            doc.cut(true, 4);
        } else {
            doc.feed(4);
        }
        return doc;
    }

    private String rule() {
        return "-".repeat(columns);
    }

    /** Left text and right text on one line, padded between. */
    private String spread(String left, String right) {
        int gap = Math.max(1, columns - width(left) - width(right));
        return left + " ".repeat(gap) + right;
    }

    /** Cuts text to at most {@code max} columns. */
    private static String fit(String text, int max) {
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int w = width(text.charAt(i));
            if (used + w > max) {
                break;
            }
            sb.append(text.charAt(i));
            used += w;
        }
        return sb.toString();
    }

    /** Columns a string takes: one per ASCII character, two for anything else (CJK, full-width). */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += width(text.charAt(i));
        }
        return w;
    }

    private static int width(char c) {
        return c < 0x80 ? 1 : 2;
    }
}
