package dev.tenderkit.transport.serial.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcrMessageCodecTest {

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8).replace('\u001F', '|');
    }

    private static byte[] payload(String text) {
        return text.replace('|', '\u001F').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSaleIsItsTypeThenNameValueFieldsSeparatedByUnitSeparators() {
        assertEquals("SALE|id=R1|amount=68800|order=ORDER-1",
                text(EcrMessageCodec.encode(new EcrRequest.Sale("R1", Money.parse("688.00"), "ORDER-1"))));
    }

    @Test
    void everyRequestRoundTrips() {
        for (EcrRequest request : List.of(new EcrRequest.Sale("R1", Money.ofFen(1), "O.1"),
                new EcrRequest.Refund("R2", Money.ofFen(500), "T2"), new EcrRequest.VoidTrade("R3", "T3"),
                new EcrRequest.StatusQuery("S1"), new EcrRequest.LastResultQuery("Q1", "R1"))) {
            assertEquals(request, EcrMessageCodec.decodeRequest(EcrMessageCodec.encode(request)));
        }
    }

    @Test
    void everyResponseRoundTrips() {
        EcrResponse.TransactionResult approved = EcrResponse.TransactionResult.approved("R1", Money.ofFen(68800),
                "2026112522001", "花呗分期 3期");
        for (EcrResponse response : List.of(approved,
                EcrResponse.TransactionResult.declined("R2", Money.ofFen(1), "余额不足 insufficient balance"),
                new EcrResponse.LastResult("Q1", "R1", Optional.of(approved)),
                new EcrResponse.LastResult("Q2", "R9", Optional.empty()),
                new EcrResponse.TerminalStatus("S1", TerminalState.OUT_OF_SERVICE),
                new EcrResponse.Rejected("-", RejectReason.BAD_REQUEST, "amount: must be fen"))) {
            assertEquals(response, EcrMessageCodec.decodeResponse(EcrMessageCodec.encode(response)));
        }
    }

    @Test
    void anApprovedResultCarriesStatusAmountTradeAndFundingSource() {
        assertEquals("RESULT|id=R1|status=APPROVED|amount=100|trade=T1|funding=花呗",
                text(EcrMessageCodec.encode(EcrResponse.TransactionResult.approved("R1", Money.ofFen(100), "T1", "花呗"))));
    }

    @Test
    void malformedMessagesNameTheField() {
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> EcrMessageCodec.decodeRequest(payload("SALE|id=R1|amount=012|order=O"))).field());
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> EcrMessageCodec.decodeRequest(payload("SALE|id=R1|amount=0|order=O"))).field());
        assertEquals("order", assertThrows(InvalidInputException.class,
                () -> EcrMessageCodec.decodeRequest(payload("SALE|id=R1|amount=5"))).field());
        assertEquals("requestId", assertThrows(InvalidInputException.class,
                () -> EcrMessageCodec.decodeRequest(payload("STATUS|id=R 1"))).field());
        assertEquals("message", assertThrows(InvalidInputException.class,
                () -> EcrMessageCodec.decodeRequest(payload("PAYOUT|id=R1"))).field());
        assertEquals("message", assertThrows(InvalidInputException.class,
                () -> EcrMessageCodec.decodeRequest(new byte[] {(byte) 0xC3, 0x28})).field());
        assertEquals("id", assertThrows(InvalidInputException.class,
                () -> EcrMessageCodec.decodeRequest(payload("STATUS|id=A|id=B"))).field());
        assertEquals("status", assertThrows(InvalidInputException.class,
                () -> EcrMessageCodec.decodeResponse(payload("RESULT|id=R1|status=MAYBE|amount=1"))).field());
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        assertEquals(new EcrRequest.StatusQuery("S1"), EcrMessageCodec.decodeRequest(payload("STATUS|id=S1|lang=zh")));
    }

    @Test
    void theRequestIdOfAnUnreadableMessageIsRecoveredWhenWellFormed() {
        assertEquals(Optional.of("R9"), EcrMessageCodec.requestIdOf(payload("SALE|id=R9|amount=x")));
        assertEquals(Optional.empty(), EcrMessageCodec.requestIdOf(payload("SALE|id=R 9")));
    }
}
