/**
 * The ESC/POS receipt-printer driver: an {@link dev.tenderkit.transport.serial.printer.EscPosDocument}
 * builds the command bytes (text in GB18030, QR codes with {@code GS ( k}, cuts), a
 * {@link dev.tenderkit.transport.serial.printer.ReceiptLayout} lays out a
 * {@link dev.tenderkit.transport.serial.printer.SalesReceipt}, and the
 * {@link dev.tenderkit.transport.serial.printer.ReceiptPrinter} sends it and reads the printer's
 * status back ({@code DLE EOT}) where the printer answers.
 */
package dev.tenderkit.transport.serial.printer;
