package dev.tenderkit.core.fee;

import dev.tenderkit.core.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A merchant's fee schedule: for each of its channels, the effective-dated versions of what each
 * payment method costs. It answers "what does this payment cost on that channel?" with a
 * {@link FeeQuote}, or says why it cannot ({@link NotPriced}).
 *
 * <p>Read one from JSON with {@link FeeScheduleReader} ({@code tenderkit.fee-schedule/1}) or build
 * one with {@link #builder(String)}. Immutable and thread-safe; quoting is a pure function of the
 * schedule and the {@link QuoteRequest}, allocates only its result, and never reads a clock.
 */
public final class FeeSchedule {
    private final String id;
    private final boolean sample;
    private final Map<String, ChannelFeeSchedule> channels;

    private FeeSchedule(Builder b) {
        this.id = b.id;
        this.sample = b.sample;
        this.channels = Collections.unmodifiableMap(new LinkedHashMap<>(b.channels));
    }

    /**
     * @param id the schedule's id, e.g. the merchant's contract reference
     * @return a builder with no channels
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the schedule's id */
    public String id() {
        return id;
    }

    /** @return whether this is sample data, not real commercial terms */
    public boolean isSample() {
        return sample;
    }

    /** @return the ids of the channels it prices, in document order */
    public List<String> channelIds() {
        return List.copyOf(channels.keySet());
    }

    /** @return the channel's schedule, if it has one */
    public Optional<ChannelFeeSchedule> channel(String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    /**
     * Prices a payment on a channel, with the version in effect on the request's business day.
     *
     * @param channelId the channel
     * @param request the payment
     * @return the quote, or why the schedule cannot price it
     */
    public QuoteOutcome quote(String channelId, QuoteRequest request) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(request, "request");
        ChannelFeeSchedule channel = channels.get(channelId);
        if (channel == null) {
            return notPriced(channelId, request, NotPricedReason.NO_SCHEDULE_FOR_CHANNEL);
        }
        FeeScheduleVersion version = channel.versionOnOrNull(request.businessDate());
        if (version == null) {
            return notPriced(channelId, request, NotPricedReason.NO_VERSION_IN_EFFECT);
        }
        MethodFees fees = version.methods().get(request.method());
        if (fees == null) {
            return notPriced(channelId, request, NotPricedReason.METHOD_NOT_PRICED);
        }
        if (!fees.offers(request.settlement())) {
            return notPriced(channelId, request, NotPricedReason.SETTLEMENT_NOT_PRICED);
        }
        return fees.quote(channelId, version, request);
    }

    /** @return why the payment cannot be priced on the channel, or {@code null} if it can; allocates nothing */
    NotPricedReason gapOrNull(String channelId, QuoteRequest request) {
        ChannelFeeSchedule channel = channels.get(channelId);
        if (channel == null) {
            return NotPricedReason.NO_SCHEDULE_FOR_CHANNEL;
        }
        FeeScheduleVersion version = channel.versionOnOrNull(request.businessDate());
        if (version == null) {
            return NotPricedReason.NO_VERSION_IN_EFFECT;
        }
        MethodFees fees = version.methods().get(request.method());
        if (fees == null) {
            return NotPricedReason.METHOD_NOT_PRICED;
        }
        return fees.offers(request.settlement()) ? null : NotPricedReason.SETTLEMENT_NOT_PRICED;
    }

    static NotPriced notPriced(String channelId, QuoteRequest request, NotPricedReason reason) {
        return new NotPriced(channelId, request.method(), request.businessDate(), request.settlement(), reason);
    }

    @Override
    public String toString() {
        return "FeeSchedule[" + id + (sample ? ", SAMPLE" : "") + ", channels " + channels.keySet() + "]";
    }

    /** Builds a {@link FeeSchedule}; {@link #build()} names the setting at fault. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private boolean sample;
        private final Map<String, ChannelFeeSchedule> channels = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        /** @param sample whether this is sample data; default false */
        public Builder sample(boolean sample) {
            this.sample = sample;
            return this;
        }

        /** @param channel a channel's schedule; each channel at most once */
        public Builder channel(ChannelFeeSchedule channel) {
            Objects.requireNonNull(channel, "channel");
            if (channels.putIfAbsent(channel.channelId(), channel) != null) {
                throw new ConfigurationException("channels", "channel " + channel.channelId()
                        + " has two fee schedules; put all its versions in one");
            }
            return this;
        }

        /**
         * @return the schedule
         * @throws ConfigurationException ({@code id}) if the id is blank
         */
        public FeeSchedule build() {
            if (id == null || id.isBlank()) {
                throw new ConfigurationException("id", "a fee schedule needs an id, e.g. the merchant's contract "
                        + "reference");
            }
            return new FeeSchedule(this);
        }
    }
}
