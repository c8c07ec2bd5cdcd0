package dev.tenderkit.testkit.engine;

import dev.tenderkit.core.payment.RefundRecord;
import dev.tenderkit.core.payment.TradeRecord;
import dev.tenderkit.core.payment.TransactionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A store that lets the process "die" at its k-th save: the save completes (its record is on
 * disk) and then the process stops. The file offset where each record started is kept, so a test
 * can also cut the last record short at any byte (a torn write).
 */
final class CrashingStore implements TransactionStore {
    /** Thrown to stop the engine where the process would have died. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated power loss");
        }
    }

    private final TransactionStore delegate;
    private final Path file;
    private final int crashAtSave;
    final List<Long> recordStarts = new ArrayList<>();
    boolean crashed;

    CrashingStore(TransactionStore delegate, Path file, int crashAtSave) {
        this.delegate = delegate;
        this.file = file;
        this.crashAtSave = crashAtSave;
    }

    private void beforeSave() {
        if (crashed) {
            throw new Crash();
        }
        try {
            recordStarts.add(Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void afterSave() {
        if (recordStarts.size() == crashAtSave) {
            crashed = true;
            throw new Crash();
        }
    }

    @Override
    public void save(TradeRecord trade) {
        beforeSave();
        delegate.save(trade);
        afterSave();
    }

    @Override
    public void save(RefundRecord refund) {
        beforeSave();
        delegate.save(refund);
        afterSave();
    }

    @Override
    public Optional<TradeRecord> find(String outTradeNo) {
        return delegate.find(outTradeNo);
    }

    @Override
    public Optional<TradeRecord> findByOrderId(String orderId) {
        return delegate.findByOrderId(orderId);
    }

    @Override
    public Optional<RefundRecord> findRefund(String outTradeNo, String refundRequestNo) {
        return delegate.findRefund(outTradeNo, refundRequestNo);
    }

    @Override
    public List<RefundRecord> refunds(String outTradeNo) {
        return delegate.refunds(outTradeNo);
    }

    @Override
    public List<TradeRecord> unfinished() {
        return delegate.unfinished();
    }

    @Override
    public List<RefundRecord> unfinishedRefunds() {
        return delegate.unfinishedRefunds();
    }

    @Override
    public List<TradeRecord> trades(Instant from, Instant to) {
        return delegate.trades(from, to);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
