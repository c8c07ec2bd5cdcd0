/**
 * Framing and reliability for serial devices that speak in frames: the frame layout
 * ({@link dev.tenderkit.transport.serial.frame.FrameFormat}: STX, length, payload, ETX, CRC-32), its
 * encoder and resynchronising decoder, and {@link dev.tenderkit.transport.serial.frame.FrameChannel},
 * which adds ACK/NAK, bounded retransmission, an inter-byte timeout and duplicate detection on top
 * of a {@link dev.tenderkit.transport.serial.SerialLink}. The ECR link is built on it; any other
 * framed device can be.
 */
package dev.tenderkit.transport.serial.frame;
