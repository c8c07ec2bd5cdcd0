package dev.tenderkit.examples.ecr;

import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityPolicyReader;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.fee.FeeSchedule;
import dev.tenderkit.core.fee.FeeScheduleReader;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentCodeMask;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeOutcome;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.payment.spi.FundingSource;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ExecutorTaskScheduler;
import dev.tenderkit.core.time.TaskScheduler;
import dev.tenderkit.examples.ExampleInput;
import dev.tenderkit.testkit.InMemoryWallet;
import dev.tenderkit.transport.serial.JSerialCommLink;
import dev.tenderkit.transport.serial.SerialPortSettings;
import dev.tenderkit.transport.serial.SerialTransportException;
import dev.tenderkit.transport.serial.ecr.EcrDevice;
import dev.tenderkit.transport.serial.ecr.EcrHost;
import dev.tenderkit.transport.serial.ecr.EcrMessageCodec;
import dev.tenderkit.transport.serial.ecr.EcrOutcome;
import dev.tenderkit.transport.serial.ecr.EcrRequest;
import dev.tenderkit.transport.serial.ecr.EcrResponse;
import dev.tenderkit.transport.serial.printer.PrinterStatus;
import dev.tenderkit.transport.serial.printer.ReceiptItem;
import dev.tenderkit.transport.serial.printer.ReceiptPrinter;
import dev.tenderkit.transport.serial.printer.SalesReceipt;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The cash-register demo: a simulated cash register and the payment terminal on the two ends of a
 * socat pseudo-terminal pair, talking the ECR protocol at 115200 8N1, as over a serial cable.
 *
 * <ol>
 *   <li>The cash register sends a SALE of 88.00.</li>
 *   <li>The terminal scans the buyer's Alipay payment code (a fixed sample code, as if the scanner
 *       read it), takes the payment through the engine on the embedded defaults — an in-memory
 *       wallet (no network, no keys) where the buyer pays with Huabei, the bundled SAMPLE policy and
 *       fee schedule, a journal in a temporary directory, real time — and prints the receipt on an
 *       ESC/POS printer behind a second pseudo-terminal pair.</li>
 *   <li>The cash register shows the RESULT, then asks LAST for the same request (answered from the
 *       terminal's records), LAST for a request it never sent (the engine's journal has no such
 *       order: {@code found=N}), and STATUS.</li>
 *   <li>The bytes that reached the printer are shown as text: GB18030 decoded, commands in angle
 *       brackets.</li>
 * </ol>
 *
 * <p>Needs socat ({@code apt-get install socat}); without it, exits with status 2.
 */
public final class EcrDemo {
    /** The sample Alipay payment code the "scanner" reads: Alipay codes start 25-30 and have 16-24 digits. */
    static final String SAMPLE_PAYMENT_CODE = "281234567890123456";
    static final Money SALE_AMOUNT = Money.parse("88.00");
    static final String SALE_ID = "POS1-0001";
    static final String MERCHANT_ON_RECEIPT = "示例便利店";
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
    private static final SerialPortSettings LINE = SerialPortSettings.builder().baudRate(115200).build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PrintStream out;
    private final Path socat;
    private final Path dir;
    private final Clock clock = Clock.systemUTC();

    private EcrDemo(PrintStream out, Path socat, Path dir) {
        this.out = out;
        this.socat = socat;
        this.dir = dir;
    }

    /**
     * Runs the demo in a temporary directory. Exits with status 2 when socat is not installed.
     *
     * @param args none
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Optional<Path> socat = SocatPtyPair.socatOnPath();
        if (socat.isEmpty()) {
            System.err.println("socat is not installed. This demo joins the cash register and the terminal with a "
                    + "pair of pseudo-terminals made by socat. Install it with: apt-get install socat");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("tenderkit-ecr");
        try {
            run(out, socat.get(), dir);
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Runs the demo: pseudo-terminals, socat's links and the journal go in {@code dir}.
     *
     * @param out where the transcript goes
     * @param socat the socat executable
     * @param dir an empty directory
     */
    static void run(PrintStream out, Path socat, Path dir) throws Exception {
        new EcrDemo(out, socat, dir).run();
    }

    private void run() throws Exception {
        out.println("TenderKit cash-register demo — an ECR sale over a pseudo-terminal pair");
        out.println("(socat joins the cash register and the terminal; the engine runs on the embedded defaults:");
        out.println(" in-memory wallet, SAMPLE policy and fee schedule, journal in a temporary directory; no network, no keys)");
        // Everything opened is pushed here and closed in reverse order, also when something fails.
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            SocatPtyPair ecrCable = keep(opened, SocatPtyPair.start(socat, dir.resolve("ecr-host"),
                    dir.resolve("ecr-device")));
            SocatPtyPair printerCable = keep(opened, SocatPtyPair.start(socat, dir.resolve("printer-terminal"),
                    dir.resolve("printer")));
            out.println();
            out.println("cables: cash register " + ecrCable.a() + " <-> terminal " + ecrCable.b());
            out.println("        terminal " + printerCable.a() + " <-> receipt printer " + printerCable.b());
            out.println("        115200 baud, 8N1, no flow control");

            ExecutorTaskScheduler serial = keep(opened, ExecutorTaskScheduler.create("serial-timers", 2));
            ExecutorTaskScheduler engineTime = keep(opened, ExecutorTaskScheduler.create("engine", 2));
            JournalTransactionStore journal = keep(opened, JournalTransactionStore.open(dir.resolve("trades.journal"),
                    clock));
            InMemoryWallet wallet = new InMemoryWallet("alipay-sim", clock)
                    .funding(new FundingSource("PCREDIT", true, 0));   // the buyer pays with Huabei
            PaymentEngine engine = PaymentEngine.builder().terminalId("T0001").resolver(resolver())
                    .context(EcrDemo::context).store(journal).gateway("lakala", wallet).feeSchedule(fees())
                    .scheduler(engineTime).listener(new Journey()).build();

            // The receipt printer: the far end keeps what it is sent; the terminal prints through ReceiptPrinter.
            CapturingPrinter paper = keep(opened, new CapturingPrinter(link(printerCable.b(), serial)));
            ReceiptPrinter printer = keep(opened, ReceiptPrinter.builder(link(printerCable.a(), serial))
                    .scheduler(serial).columns(32).build());
            printer.start();
            PrinterStatus status = printer.queryStatus().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            out.println("[terminal] receipt printer answers DLE EOT: " + status.condition());

            // The terminal: EcrDevice on its end of the cable, the engine behind it.
            EngineTransactionHandler handler = keep(opened, new EngineTransactionHandler(engine, this::scan,
                    line -> out.println("[terminal] " + line), paid -> printReceipt(printer, paid), SHOP_ZONE));
            EcrDevice device = keep(opened, EcrDevice.builder(link(ecrCable.b(), serial)).scheduler(serial)
                    .handler(handler).build());
            device.start();

            // The cash register: EcrHost on the other end.
            EcrHost register = keep(opened, EcrHost.builder(link(ecrCable.a(), serial)).scheduler(serial)
                    .build());
            register.start();

            out.println();
            ask(register, new EcrRequest.Sale(SALE_ID, SALE_AMOUNT, "ORDER-20261125-1"));
            out.println();
            ask(register, new EcrRequest.LastResultQuery("POS1-0002", SALE_ID));
            ask(register, new EcrRequest.LastResultQuery("POS1-0003", "POS1-0000"));
            ask(register, new EcrRequest.StatusQuery("POS1-0004"));

            out.println();
            byte[] job = paper.nextJob(Duration.ofSeconds(5));
            out.println("[printer] received one print job, " + job.length + " bytes (GB18030 text, ESC/POS commands "
                    + "in <>); " + paper.statusRequests() + " status requests answered READY:");
            for (String line : EscPosText.decode(job).split("\n", -1)) {
                out.println("    | " + line);
            }
            TradeRecord trade = engine.tradeForOrder(EngineTransactionHandler.orderIdFor(SALE_ID)).orElseThrow();
            out.println();
            out.println("journal: order " + trade.orderId() + " -> trade " + trade.outTradeNo() + " " + trade.state()
                    + " " + trade.amount() + trade.fee().map(f -> ", fee " + f).orElse("")
                    + "; wallet ledger: " + wallet.ledger().values().stream()
                            .map(e -> e.outTradeNo() + " " + e.status() + " charged " + e.charged()).toList());
        } finally {
            closeAll(opened);
        }
        out.println("closed the links, stopped socat");
    }

    private static JSerialCommLink link(String path, TaskScheduler scheduler) {
        return JSerialCommLink.builder(path).settings(LINE).scheduler(scheduler).build();
    }

    /** What the barcode scanner reads when the buyer shows the payment code: here, always the sample code. */
    private String scan() {
        out.println("[scanner]  the buyer shows an Alipay 付款码; this demo scans the fixed sample code "
                + PaymentCodeMask.mask(SAMPLE_PAYMENT_CODE) + " as if the scanner had read it");
        return SAMPLE_PAYMENT_CODE;
    }

    /** The cash register sends a request, waits for the outcome, and shows both. */
    private void ask(EcrHost register, EcrRequest request) throws Exception {
        out.println("[register] -> " + wire(EcrMessageCodec.encode(request)));
        EcrOutcome outcome = register.send(request).get(WAIT.toSeconds() * 4, TimeUnit.SECONDS);
        if (outcome instanceof EcrOutcome.Answered a) {
            out.println("[register] <- " + wire(EcrMessageCodec.encode(a.response())));
            out.println("[register]    " + describe(a.response()));
        } else {
            out.println("[register]    " + outcome + " — the outcome is not known; ask again with LAST, never assume");
        }
    }

    private static String wire(byte[] message) {
        return new String(message, StandardCharsets.UTF_8).replace(EcrMessageCodec.SEPARATOR, '|');
    }

    private static String describe(EcrResponse response) {
        if (response instanceof EcrResponse.TransactionResult r) {
            return r.status() + " " + r.amount() + r.tradeNo().map(t -> ", trade " + t).orElse("")
                    + r.fundingSource().map(f -> ", paid with " + f).orElse("") + r.reason().map(t -> " — " + t).orElse("");
        }
        if (response instanceof EcrResponse.LastResult l) {
            return "last result of " + l.ofRequestId() + ": "
                    + l.result().map(EcrDemo::describe).orElse("never run on this terminal");
        }
        if (response instanceof EcrResponse.TerminalStatus s) {
            return "terminal " + s.state();
        }
        EcrResponse.Rejected r = (EcrResponse.Rejected) response;
        return "REJECTED " + r.reason() + ": " + r.detail();
    }

    /** Prints the receipt of a paid sale; a printer failure is shown, and the sale stands. */
    private void printReceipt(ReceiptPrinter printer, TradeOutcome.Paid paid) {
        var payment = paid.payment();
        SalesReceipt receipt = new SalesReceipt(MERCHANT_ON_RECEIPT,
                List.of(new ReceiptItem(paid.trade().subject(), 1, payment.amount())), payment.amount(),
                EngineTransactionHandler.fundingLabel(payment.fundingSource()), payment.amount(),
                payment.gatewayTradeNo(), LocalDateTime.ofInstant(payment.paidAt(), SHOP_ZONE),
                Optional.of("https://fapiao.example.cn/e/" + paid.trade().outTradeNo()));
        try {
            printer.print(receipt);
            out.println("[terminal] receipt printed: " + payment.amount() + " paid with "
                    + EngineTransactionHandler.fundingLabel(payment.fundingSource()) + ", wallet trade no. "
                    + payment.gatewayTradeNo());
        } catch (SerialTransportException e) {
            out.println("[terminal] receipt NOT printed (" + e.getMessage() + "); the sale stands, reprint later");
        }
    }

    /** Prints every journaled change of the trade, as the terminal's screen would show it. */
    private final class Journey implements TradeListener {
        @Override
        public void onTradeChanged(TradeRecord t) {
            out.printf("[engine]   %5d ms  %-14s %s%n", Duration.between(t.createdAt(), clock.instant()).toMillis(),
                    t.state(), switch (t.state()) {
                        case CREATED -> "order " + t.orderId() + " -> trade " + t.outTradeNo() + " via " + t.channelId()
                                + ", " + t.amount() + ", code " + t.maskedPaymentCode() + ": intent journaled before "
                                + "anything is sent";
                        case AWAITING_BUYER -> "等待买家确认 waiting for the buyer to confirm";
                        case REVERSING -> "not paid by the deadline: reversing";
                        case PAID -> t.payment().map(p -> "wallet trade " + p.gatewayTradeNo() + ", funding "
                                + p.fundingSource().channelCode() + (p.fundingSource().credit() ? " (花呗 Huabei)" : ""))
                                .orElse("") + t.fee().map(f -> ", fee " + f).orElse("");
                        case FAILED -> t.failure().map(String::valueOf).orElse("");
                        case REVERSED -> "reversed: nothing stays charged";
                    });
        }

        @Override
        public void onAttentionNeeded(TradeRecord t) {
            out.println("[engine]   !! needs a person: " + t.attention().orElse(""));
        }
    }

    private static <T extends AutoCloseable> T keep(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> opened) throws Exception {
        Exception first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ---------------------------------------------------------------- the embedded defaults

    private static CapabilityResolver resolver() {
        CapabilityPolicy policy = ExampleInput.load(null, "/samples/capability-policy.sample.json",
                new CapabilityPolicyReader(PaymentMethods.standardRegistry())::read);
        return CapabilityResolver.builder().policy(policy).clock(Clock.systemUTC()).build();
    }

    private static FeeSchedule fees() {
        return ExampleInput.load(null, "/samples/fee-schedule.sample.json",
                new FeeScheduleReader(PaymentMethods.standardRegistry())::read);
    }

    private static CheckoutContext context() {
        return CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN-P2P-0001", SoftwareVersion.parse("3.4.0"),
                EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI),
                Set.of("channel.merchant_no", "channel.terminal_no", "alipay.huabei.enabled",
                        "alipay.huabei.installment.enabled")),
                new MerchantProfile("M1001", "示例便利店 Sample Convenience Store", "5411", List.of("lakala"),
                        List.of(Qualification.approved("lakala", "huabei"),
                                Qualification.approved("lakala", "huabei_installment"))));
    }
}
