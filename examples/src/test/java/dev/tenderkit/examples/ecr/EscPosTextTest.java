package dev.tenderkit.examples.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenderkit.transport.serial.printer.EscPosDocument;
import dev.tenderkit.transport.serial.printer.QrErrorCorrection;
import org.junit.jupiter.api.Test;

class EscPosTextTest {

    @Test
    void textIsDecodedFromGb18030AndCommandsAreNamed() {
        byte[] job = new EscPosDocument().bold(true).line("花呗 Huabei").bold(false).feed(2)
                .qrCode("https://e.example/1", 4, QrErrorCorrection.H).cut(false, 3).toBytes();
        assertEquals("<ESC @ init><FS & Chinese mode><ESC E bold on>花呗 Huabei\n<ESC E bold off><ESC d feed 2>"
                + "<GS ( k QR model 2><GS ( k QR module size 4><GS ( k QR error correction H>"
                + "<GS ( k QR store \"https://e.example/1\"><GS ( k QR print><GS V full cut, feed 3>",
                EscPosText.decode(job));
    }

    @Test
    void unknownOrCutShortCommandsShowTheirBytes() {
        assertEquals("A<0x07>B<0x1B>", EscPosText.decode(new byte[] {'A', 0x07, 'B', 0x1B}));
    }
}
