package dev.tenderkit.core.method;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.ErrorCode;
import dev.tenderkit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The set of payment methods a resolver, a policy and a fee schedule agree on, looked up by id.
 * Immutable and thread-safe; {@link #toBuilder()} derives an extended registry.
 */
public final class PaymentMethodRegistry {
    private final List<PaymentMethod> methods;
    private final Map<String, PaymentMethod> byId;

    private PaymentMethodRegistry(List<PaymentMethod> methods) {
        this.methods = List.copyOf(methods);
        Map<String, PaymentMethod> index = new HashMap<>();
        for (PaymentMethod m : methods) {
            index.put(m.id(), m);
        }
        this.byId = Collections.unmodifiableMap(index);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this registry's methods, to add more */
    public Builder toBuilder() {
        Builder b = new Builder();
        methods.forEach(b::add);
        return b;
    }

    /** @return every method, in registration order */
    public List<PaymentMethod> all() {
        return methods;
    }

    /** @return the method with this id, if registered */
    public Optional<PaymentMethod> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * @param id the method id
     * @param field the name of the input the id came from, for the error message
     * @return the method
     * @throws InvalidInputException with {@link ErrorCode#UNKNOWN_PAYMENT_METHOD} if unknown
     */
    public PaymentMethod require(String id, String field) {
        PaymentMethod m = byId.get(id);
        if (m == null) {
            throw new InvalidInputException(ErrorCode.UNKNOWN_PAYMENT_METHOD, field,
                    "unknown payment method \"" + id + "\"; known: " + byId.keySet().stream().sorted().toList());
        }
        return m;
    }

    /**
     * @param wallet a wallet
     * @return the wallet's plain method for a code the buyer shows (not credit, no installments,
     *     {@link EntryMode#BUYER_CODE}), the first registered if several
     */
    public Optional<PaymentMethod> plainMethodOf(Wallet wallet) {
        return methods.stream().filter(m -> m.wallet() == wallet && !m.isCredit()
                && m.entryMode() == EntryMode.BUYER_CODE).findFirst();
    }

    /**
     * @param wallet a wallet
     * @param installmentPeriods 0 for the wallet's credit method without installments, else the periods
     * @return the wallet's credit method with those installment periods, the first registered if several
     */
    public Optional<PaymentMethod> creditMethodOf(Wallet wallet, int installmentPeriods) {
        return methods.stream().filter(m -> m.wallet() == wallet && m.isCredit()
                && m.installmentPeriods() == installmentPeriods).findFirst();
    }

    /** @return whether the method is registered (by id and identity of definition) */
    public boolean contains(PaymentMethod method) {
        return byId.get(method.id()) != null;
    }

    /** Collects methods; ids must be unique. Not thread-safe. */
    public static final class Builder {
        private final LinkedHashMap<String, PaymentMethod> methods = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param method a method whose id is not yet registered
         * @return this builder
         */
        public Builder add(PaymentMethod method) {
            Objects.requireNonNull(method, "method");
            if (methods.putIfAbsent(method.id(), method) != null) {
                throw new ConfigurationException("methods", "payment method id \"" + method.id()
                        + "\" is registered twice");
            }
            return this;
        }

        /** @return the registry */
        public PaymentMethodRegistry build() {
            return new PaymentMethodRegistry(new ArrayList<>(methods.values()));
        }
    }
}
