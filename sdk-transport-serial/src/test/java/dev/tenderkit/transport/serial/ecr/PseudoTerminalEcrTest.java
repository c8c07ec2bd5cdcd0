package dev.tenderkit.transport.serial.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.transport.serial.JSerialCommLink;
import dev.tenderkit.transport.serial.SerialPortSettings;
import dev.tenderkit.transport.serial.SocatPair;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A cash register and a terminal talking ECR over a real pseudo-terminal pair at 115200 baud. */
class PseudoTerminalEcrTest {

    @Test
    void aSaleAndAStatusQueryRoundTripOverAPseudoTerminalPair() throws Exception {
        SerialPortSettings fast = SerialPortSettings.builder().baudRate(115200).build();
        ExecutorTaskScheduler scheduler = ExecutorTaskScheduler.create();
        try (SocatPair socat = SocatPair.start()) {
            EcrHost host = EcrHost.builder(JSerialCommLink.builder(socat.a()).settings(fast).scheduler(scheduler).build())
                    .scheduler(scheduler).build();
            JournalingHandler handler = new JournalingHandler();
            EcrDevice device = EcrDevice.builder(JSerialCommLink.builder(socat.b()).settings(fast).scheduler(scheduler)
                    .build()).scheduler(scheduler).handler(handler).build();
            device.start();
            host.start();
            try {
                EcrOutcome sale = host.sale("POS1-0001", Money.parse("688.00"), "ORDER-20261125-1").get(10, TimeUnit.SECONDS);
                assertEquals(EcrResponse.TransactionResult.approved("POS1-0001", Money.parse("688.00"), "TPOS1-0001", "花呗"),
                        assertInstanceOf(EcrOutcome.Answered.class, sale).response());
                EcrOutcome status = host.status("S-1").get(10, TimeUnit.SECONDS);
                assertEquals(new EcrResponse.TerminalStatus("S-1", TerminalState.READY),
                        assertInstanceOf(EcrOutcome.Answered.class, status).response());
            } finally {
                host.close();
                device.close();
            }
        } finally {
            scheduler.close();
        }
    }
}
