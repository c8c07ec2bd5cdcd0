package dev.tenderkit.testkit.engine;

import java.util.concurrent.CompletableFuture;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.payment.RefundOutcome;
import dev.tenderkit.core.payment.OrderRefund;
import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.capability.CapabilityPolicy;
import dev.tenderkit.core.capability.CapabilityResolver;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.channel.ChannelOffering;
import dev.tenderkit.core.channel.ChannelProfile;
import dev.tenderkit.core.channel.LicenceKind;
import dev.tenderkit.core.merchant.MerchantProfile;
import dev.tenderkit.core.merchant.Qualification;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.method.PaymentMethods;
import dev.tenderkit.core.payment.PaymentEngine;
import dev.tenderkit.core.payment.TradeListener;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import dev.tenderkit.core.payment.journal.JournalTransactionStore;
import dev.tenderkit.core.terminal.Connectivity;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import dev.tenderkit.core.terminal.TerminalProfile;
import dev.tenderkit.core.time.ManualTaskScheduler;
import dev.tenderkit.testkit.InMemoryWallet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A terminal with a payment engine on a real journal file, a scripted wallet and virtual time.
 * {@link #restart()} throws the engine away as a crash would (pending steps are lost with their
 * scheduler) and starts a new one on the same journal and the same wallet.
 */
final class EngineHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T02:00:00Z");
    static final String ALIPAY_CODE = "281234567890123456";
    static final String WAITING_CODE = "281111111111111111";
    static final String NEVER_CODE = "282222222222222222";
    static final String POOR_CODE = "283333333333333333";

    /** The journal file, when the store is the journal (null on another store). */
    final Path journalFile;
    final EngineStoreFixture fixture;
    final InMemoryWallet gateway;
    final List<TradeRecord> changes = new ArrayList<>();
    final List<TradeRecord> attention = new ArrayList<>();
    final boolean durable;
    ManualTaskScheduler scheduler;
    /** The store opened by the current process, as a journal (null on another store: see {@link #opened}). */
    JournalTransactionStore store;
    /** The store opened by the current process. */
    TransactionStore opened;
    PaymentEngine engine;
    TransactionStore storeSeenByEngine;
    private final CapabilityResolver resolver;
    private final CheckoutContext context;
    private java.util.function.UnaryOperator<TransactionStore> storeWrapper;
    /** What stands between the engine and the wallet: nothing by default, a lying network in some tests. */
    java.util.function.UnaryOperator<dev.tenderkit.core.payment.spi.PaymentGateway> network = g -> g;

    EngineHarness(Path dir) {
        this(dir, false, s -> s);
    }

    EngineHarness(Path dir, boolean durable, java.util.function.UnaryOperator<TransactionStore> storeWrapper) {
        this(dir, durable, storeWrapper, new ManualTaskScheduler(START), null);
    }

    /**
     * A terminal starting at {@code now} on the journal in {@code dir} (as it is there) and on a
     * wallet that already exists: its ledger is the truth the journal is checked against.
     */
    EngineHarness(Path dir, InMemoryWallet wallet, Instant now) {
        this(dir, false, s -> s, new ManualTaskScheduler(now), wallet);
    }

    private EngineHarness(Path dir, boolean durable, java.util.function.UnaryOperator<TransactionStore> storeWrapper,
            ManualTaskScheduler scheduler, InMemoryWallet wallet) {
        this(new JournalStoreFixture(dir, durable), durable, storeWrapper, scheduler, wallet);
    }

    /** A terminal on the store of {@code fixture} (a journal, a database), as {@link EngineFaultSuite} runs it. */
    EngineHarness(EngineStoreFixture fixture, java.util.function.UnaryOperator<TransactionStore> storeWrapper) {
        this(fixture, false, storeWrapper, new ManualTaskScheduler(START), null);
    }

    private EngineHarness(EngineStoreFixture fixture, boolean durable,
            java.util.function.UnaryOperator<TransactionStore> storeWrapper, ManualTaskScheduler scheduler,
            InMemoryWallet wallet) {
        this.fixture = fixture;
        this.journalFile = fixture instanceof JournalStoreFixture j ? j.journalFile : null;
        this.durable = durable;
        this.storeWrapper = storeWrapper;
        this.scheduler = scheduler;
        this.gateway = wallet != null ? wallet : new InMemoryWallet("scripted", scheduler.clock())
                .paysAfterQueries(WAITING_CODE, 2)
                .neverPays(NEVER_CODE)
                .lacksFunds(POOR_CODE)
                .requireJournaled(fixture::holds);
        this.resolver = CapabilityResolver.builder().policy(policy()).clock(scheduler.clock()).serviceLoader(false)
                .build();
        this.context = CheckoutContext.of(new TerminalProfile("Sunmi", "P2 Pro", "SN1", SoftwareVersion.parse("3.4"),
                EnumSet.allOf(Peripheral.class), Set.of(Connectivity.WIFI), Set.of()),
                new MerchantProfile("M1", "Test", "5411", List.of("lakala"),
                        List.of(Qualification.approved("lakala", "huabei"),
                                Qualification.approved("lakala", "huabei_installment"))));
        start();
    }

    private static CapabilityPolicy policy() {
        List<ChannelOffering> offers = new ArrayList<>();
        for (PaymentMethod m : PaymentMethods.standardRegistry().all()) {
            if (!m.equals(PaymentMethods.WECHAT_PAY_CREDIT) && !m.equals(PaymentMethods.ECNY)) {   // e-CNY: refused
                offers.add(ChannelOffering.of(m, m.product().startsWith("huabei")));
            }
        }
        return CapabilityPolicy.builder().version("engine-test").issuedAt(START).maxAge(Duration.ofDays(365))
                .channel(new ChannelProfile("lakala", LocalizedText.of("拉卡拉", "Lakala"),
                        LicenceKind.PAYMENT_INSTITUTION, offers))
                .build();
    }

    private void start() {
        opened = fixture.open(scheduler.clock());
        store = opened instanceof JournalTransactionStore j ? j : null;
        storeSeenByEngine = storeWrapper.apply(opened);
        engine = PaymentEngine.builder().terminalId("T1").resolver(resolver).context(() -> context)
                .store(storeSeenByEngine).gateway("lakala", network.apply(gateway)).scheduler(scheduler)
                .listener(new TradeListener() {
                    @Override
                    public void onTradeChanged(TradeRecord trade) {
                        changes.add(trade);
                    }

                    @Override
                    public void onAttentionNeeded(TradeRecord trade) {
                        attention.add(trade);
                    }
                }).build();
    }

    /** Puts {@code network} between the engine and the wallet: a new engine on the same journal uses it. */
    void network(java.util.function.UnaryOperator<dev.tenderkit.core.payment.spi.PaymentGateway> network) {
        this.network = network;
        opened.close();
        scheduler = new ManualTaskScheduler(scheduler.now());
        start();
    }

    /** Lets virtual time pass, running every step that falls due. */
    void runFor(Duration d) {
        scheduler.advance(d);
    }

    /** Runs until nothing is scheduled any more (bounded: a stuck loop fails the test). */
    void settle() {
        for (int i = 0; i < 10_000 && scheduler.pendingTasks() > 0; i++) {
            scheduler.advance(Duration.ofSeconds(1));
        }
    }

    /** A crash: the engine and its pending steps vanish; a new process opens the same journal. */
    void restart() {
        restart(file -> { });
    }

    /** A crash after which the journal file is changed (e.g. a torn last write) before the new process opens it. */
    void restart(java.util.function.Consumer<Path> surgery) {
        restart(Duration.ZERO, surgery);
    }

    /** As {@link #restart(java.util.function.Consumer)}, the new process starting {@code downtime} later. */
    /** Restarts with the store seen by the new engine wrapped (another engine's doings, a failing database). */
    void restartWith(java.util.function.UnaryOperator<TransactionStore> wrapper) {
        restart();
        opened.close();
        storeWrapper = wrapper;
        scheduler = new ManualTaskScheduler(scheduler.now());
        start();
    }

    void restart(Duration downtime, java.util.function.Consumer<Path> surgery) {
        opened.close();
        if (journalFile != null) {
            surgery.accept(journalFile);
        }
        storeWrapper = s -> s;   // the new process does not crash
        scheduler = new ManualTaskScheduler(scheduler.now().plus(downtime));
        start();
    }

    @Override
    public void close() {
        opened.close();
    }

    /** Refunds a trade by its order id, as a cashier would: the order is looked up from the trade number. */
    CompletableFuture<RefundOutcome> refund(String outTradeNo, String refundNo, Money amount, String reason) {
        String order = engine.trade(outTradeNo).map(TradeRecord::orderId).orElse("unknown-" + outTradeNo);
        return engine.refundAsync(OrderRefund.builder().orderId(order).refundRequestNo(refundNo).amount(amount)
                .reason(reason).build());
    }
}
