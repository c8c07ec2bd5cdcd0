/**
 * Serial peripherals over jSerialComm: links with reconnect, the framed ACK/NAK protocol, the
 * barcode-scanner driver, the ESC/POS receipt printer, the cash-register (ECR) link and their
 * health checks. Every package is public API and exported; jSerialComm is used inside
 * {@code JSerialCommLink} only and is not part of the API.
 */
module dev.tenderkit.transport.serial {
    requires transitive dev.tenderkit.core;
    requires com.fazecast.jSerialComm;
    requires org.slf4j;

    exports dev.tenderkit.transport.serial;
    exports dev.tenderkit.transport.serial.ecr;
    exports dev.tenderkit.transport.serial.frame;
    exports dev.tenderkit.transport.serial.health;
    exports dev.tenderkit.transport.serial.printer;
    exports dev.tenderkit.transport.serial.scanner;
}
