package dev.tenderkit.core.payment;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.capability.CheckoutContext;
import dev.tenderkit.core.method.PaymentCode;
import dev.tenderkit.core.method.PaymentCodeClassifier;
import dev.tenderkit.core.method.PaymentMethod;
import dev.tenderkit.core.payment.spi.PaymentGateway;
import dev.tenderkit.core.payment.spi.PrecreateRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a new barcode or QR payment: validates it, classifies the payment code, decides what the
 * order id means ({@link OrderAdmission}), routes it ({@link ChannelRouting}), and starts the new
 * attempt's steps ({@link TradeFlow}) — or joins, answers or resumes the attempt the order has.
 * Thread-safe.
 */
final class Checkout {
    private static final Logger LOG = LoggerFactory.getLogger(Checkout.class);

    private final Supplier<CheckoutContext> context;
    private final PaymentCodeClassifier classifier;
    private final MethodChoice methods;
    private final OrderAdmission admission;
    private final ChannelRouting routing;
    private final OutTradeNumbers numbers;
    private final TransactionStore store;
    private final TradeServices services;
    private final InFlight inFlight;
    private final TradeRecovery recovery;

    Checkout(Supplier<CheckoutContext> context, PaymentCodeClassifier classifier, MethodChoice methods,
            OrderAdmission admission, ChannelRouting routing, OutTradeNumbers numbers, TransactionStore store,
            TradeServices services, InFlight inFlight, TradeRecovery recovery) {
        this.context = context;
        this.classifier = classifier;
        this.methods = methods;
        this.admission = admission;
        this.routing = routing;
        this.numbers = numbers;
        this.store = store;
        this.services = services;
        this.inFlight = inFlight;
        this.recovery = recovery;
    }

    CompletableFuture<TradeOutcome> pay(BarcodePaymentRequest request) {
        OrderAdmission.validate(request.orderId(), request.amount(), request.subject());
        PaymentCode code = classifier.classify(request.paymentCode());
        PaymentMethod method = methods.barcodeMethod(code.wallet(), request.installments());
        return admission.locked(request.orderId(), () -> {
            OrderAdmission.Decision d = admission.decide(request.orderId(),
                    t -> OrderReuse.check(t, TradeKind.BARCODE, method, request.amount(), Optional.of(code)));
            if (!d.isNewAttempt()) {
                return joined(d);
            }
            ChannelRouting.Route route = routing.route(context.get(), method, request.amount(),
                    request.pinnedChannel(), request.installments(), request.creditAllowed());
            if (route.refusal().isPresent()) {
                return CompletableFuture.completedFuture(route.refusal().get());
            }
            PaymentGateway gateway = route.gateway();
            Instant now = services.now();
            String outTradeNo = numbers.next(store::isKnown);
            TradeIntent intent = new TradeIntent(outTradeNo, request.orderId(), d.nextAttempt(), TradeKind.BARCODE,
                    route.channel().id(), gateway.id(), method.id(), request.amount(), request.subject(),
                    request.installments(), code.masked(), Optional.of(PaymentCodeDigest.of(outTradeNo, code.value())),
                    now, now.plus(gateway.timing().buyerDeadline()));
            TradeContext trade = inFlight.track(new TradeContext(services, gateway, Optional.of(method),
                    TradeRecord.created(intent)));
            TradeFlow.startBarcode(trade, code, route.creditAllowed());
            return trade.outcome;
        });
    }

    QrTicket startQr(QrPaymentRequest request) {
        OrderAdmission.validate(request.orderId(), request.amount(), request.subject());
        if (request.validity().compareTo(Duration.ofMinutes(1)) < 0 || request.validity().compareTo(Duration.ofHours(2)) > 0) {
            throw new InvalidInputException("validity", "a QR code may be valid from 1 minute to 2 hours, got "
                    + request.validity());
        }
        return admission.locked(request.orderId(), () -> {
            OrderAdmission.Decision d = admission.decide(request.orderId(),
                    t -> OrderReuse.check(t, TradeKind.QR, request.method(), request.amount(), Optional.empty()));
            if (!d.isNewAttempt()) {
                TradeContext trade = d.running().orElseGet(() -> d.existing().filter(t -> !t.state().isFinal())
                        .map(recovery::resume).orElse(null));
                if (trade != null) {
                    return new QrTicket(Optional.of(trade.outTradeNo()), trade.qrCode, trade.outcome);
                }
                TradeRecord paid = d.existing().orElseThrow();
                return new QrTicket(Optional.of(paid.outTradeNo()), paid.qrCode().map(CompletableFuture::completedFuture)
                        .orElseGet(() -> failed(new IllegalStateException("the trade is "
                                + paid.state() + " and its code was not journaled"))), joined(d));
            }
            ChannelRouting.Route route = routing.route(context.get(), request.method(), request.amount(),
                    request.pinnedChannel(), Optional.empty(), request.creditAllowed());
            if (route.refusal().isPresent()) {
                return new QrTicket(Optional.empty(), failed(new IllegalStateException(
                        "refused before sending")), CompletableFuture.completedFuture(route.refusal().get()));
            }
            PaymentGateway gateway = route.gateway();
            Instant now = services.now();
            TradeIntent intent = new TradeIntent(numbers.next(store::isKnown), request.orderId(), d.nextAttempt(),
                    TradeKind.QR, route.channel().id(), gateway.id(), request.method().id(), request.amount(),
                    request.subject(), Optional.empty(), "", Optional.empty(), now, now.plus(request.validity()));
            TradeRecord record = TradeRecord.created(intent);
            TradeContext trade = inFlight.track(new TradeContext(services, gateway, Optional.of(request.method()),
                    record));
            TradeFlow.startQr(trade, new PrecreateRequest(record.ref(), request.amount(), request.subject(),
                    request.method(), request.validity(), route.creditAllowed()));
            return new QrTicket(Optional.of(intent.outTradeNo()), trade.qrCode, trade.outcome);
        });
    }

    /** The outcome of the attempt a request joined: running, unfinished (resumed now) or paid. */
    private CompletableFuture<TradeOutcome> joined(OrderAdmission.Decision d) {
        if (d.running().isPresent()) {
            return d.running().get().outcome;
        }
        TradeRecord t = d.existing().orElseThrow();
        LOG.info("order {} already has trade {} ({}); returning it instead of charging again", t.orderId(),
                t.outTradeNo(), t.state());
        if (t.state() == TradeState.PAID) {
            return CompletableFuture.completedFuture(new TradeOutcome.Paid(t, t.payment().orElseThrow(), t.fee(),
                    t.fee().map(f -> t.payment().get().amount().minus(f))));
        }
        return recovery.resume(t).outcome;
    }

    /** {@code CompletableFuture.failedFuture}, which Android (API 26) lacks. */
    static <T> CompletableFuture<T> failed(Throwable cause) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(cause);
        return f;
    }
}
