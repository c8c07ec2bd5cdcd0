/**
 * Serial links: the {@link dev.tenderkit.transport.serial.SerialLink} abstraction that every
 * serial driver in TenderKit talks through, its jSerialComm implementation
 * ({@link dev.tenderkit.transport.serial.JSerialCommLink}, configured by
 * {@link dev.tenderkit.transport.serial.SerialPortSettings}) and an in-memory connected pair
 * ({@link dev.tenderkit.transport.serial.InMemoryLinkPair}) for tests.
 *
 * <p>A link moves bytes and reports its {@link dev.tenderkit.transport.serial.LinkState}; it knows
 * nothing of frames or lines. Framing and reliability live in
 * {@link dev.tenderkit.transport.serial.frame}; the drivers in {@code scanner}, {@code printer} and
 * {@code ecr}.
 */
package dev.tenderkit.transport.serial;
