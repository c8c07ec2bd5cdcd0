package dev.tenderkit.core.capability;

import dev.tenderkit.core.LocalizedText;
import dev.tenderkit.core.money.Money;
import dev.tenderkit.core.terminal.Peripheral;
import dev.tenderkit.core.terminal.SoftwareVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to do about a finding, as structured data a checkout screen or a support tool can act on,
 * with a ready-made text in Chinese and English (worded in one place, {@code RemedyText}). Each kind
 * has a stable {@link #code()}.
 */
public sealed interface Remedy {

    /** @return the stable remedy code, e.g. {@code UPGRADE_SOFTWARE} */
    String code();

    /** @return what to do, in Chinese and English */
    LocalizedText text();

    /**
     * Upgrade the terminal software.
     *
     * @param minimumVersion the lowest version that supports the method
     * @param currentVersion the version installed now
     */
    record UpgradeSoftware(SoftwareVersion minimumVersion, SoftwareVersion currentVersion) implements Remedy {
        /** Validates. */
        public UpgradeSoftware {
            Objects.requireNonNull(minimumVersion, "minimumVersion");
            Objects.requireNonNull(currentVersion, "currentVersion");
        }

        @Override
        public String code() {
            return "UPGRADE_SOFTWARE";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.upgradeSoftware(this);
        }
    }

    /**
     * Use a terminal whose software is certified for the feature.
     *
     * @param certifiedTerminals certified brand/model names with their minimum versions, e.g.
     *     {@code "Sunmi P2 Pro ≥ 3.2.0"}; empty when the policy certifies none
     */
    record UseCertifiedTerminal(List<String> certifiedTerminals) implements Remedy {
        /** Copies. */
        public UseCertifiedTerminal {
            certifiedTerminals = List.copyOf(certifiedTerminals);
        }

        @Override
        public String code() {
            return "USE_CERTIFIED_TERMINAL";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.useCertifiedTerminal(this);
        }
    }

    /**
     * Configure the named wallet settings on the terminal.
     *
     * @param settings the settings that are missing, e.g. {@code alipay.app_id}
     */
    record ConfigureSettings(List<String> settings) implements Remedy {
        /** Copies. */
        public ConfigureSettings {
            settings = List.copyOf(settings);
        }

        @Override
        public String code() {
            return "CONFIGURE_SETTINGS";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.configureSettings(this);
        }
    }

    /**
     * Attach one of the peripherals.
     *
     * @param anyOf any one of these satisfies the method
     */
    record AttachPeripheral(Set<Peripheral> anyOf) implements Remedy {
        /** Copies. */
        public AttachPeripheral {
            anyOf = Set.copyOf(anyOf);
        }

        @Override
        public String code() {
            return "ATTACH_PERIPHERAL";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.attachPeripheral(this);
        }
    }

    /**
     * Perform the maintenance action a failed health check names.
     *
     * @param item the health check item, e.g. {@code network.gateway}
     * @param action what to do
     */
    record PerformMaintenance(String item, LocalizedText action) implements Remedy {
        /** Validates. */
        public PerformMaintenance {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(action, "action");
        }

        @Override
        public String code() {
            return "PERFORM_MAINTENANCE";
        }

        @Override
        public LocalizedText text() {
            return action;
        }
    }

    /**
     * Take the method through another channel.
     *
     * @param merchantChannels channels the merchant already has that offer the method
     * @param otherChannels channels in the policy catalogue that offer it but the merchant has not
     *     signed with
     */
    record SwitchChannel(List<String> merchantChannels, List<String> otherChannels) implements Remedy {
        /** Copies. */
        public SwitchChannel {
            merchantChannels = List.copyOf(merchantChannels);
            otherChannels = List.copyOf(otherChannels);
        }

        @Override
        public String code() {
            return "SWITCH_CHANNEL";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.switchChannel(this);
        }
    }

    /**
     * Submit the product's qualification to the channel.
     *
     * @param channelId the channel
     * @param product the product code
     * @param materials the materials the channel asks for
     */
    record SubmitQualification(String channelId, String product, List<String> materials) implements Remedy {
        /** Copies. */
        public SubmitQualification {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(product, "product");
            materials = List.copyOf(materials);
        }

        @Override
        public String code() {
            return "SUBMIT_QUALIFICATION";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.submitQualification(this);
        }
    }

    /**
     * Wait for the channel's review to finish.
     *
     * @param channelId the channel
     * @param product the product code
     * @param submittedOn when it was submitted, if known
     */
    record AwaitReview(String channelId, String product, Optional<LocalDate> submittedOn) implements Remedy {
        /** Validates. */
        public AwaitReview {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(submittedOn, "submittedOn");
        }

        @Override
        public String code() {
            return "AWAIT_REVIEW";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.awaitReview(this);
        }
    }

    /**
     * Resubmit a rejected qualification, addressing the reviewer's reason.
     *
     * @param channelId the channel
     * @param product the product code
     * @param rejectionReason the reviewer's reason
     * @param materials the materials the channel asks for
     */
    record ResubmitQualification(String channelId, String product, String rejectionReason, List<String> materials)
            implements Remedy {
        /** Copies. */
        public ResubmitQualification {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(rejectionReason, "rejectionReason");
            materials = List.copyOf(materials);
        }

        @Override
        public String code() {
            return "RESUBMIT_QUALIFICATION";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.resubmitQualification(this);
        }
    }

    /**
     * Renew an expired qualification.
     *
     * @param channelId the channel
     * @param product the product code
     * @param expiredOn the last day it was valid, if known
     * @param materials the materials the channel asks for
     */
    record RenewQualification(String channelId, String product, Optional<LocalDate> expiredOn, List<String> materials)
            implements Remedy {
        /** Copies. */
        public RenewQualification {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(expiredOn, "expiredOn");
            materials = List.copyOf(materials);
        }

        @Override
        public String code() {
            return "RENEW_QUALIFICATION";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.renewQualification(this);
        }
    }

    /**
     * Offer the buyer another method; nothing the merchant can do makes this one work here.
     *
     * @param alternatives method ids that remain available, if known
     */
    record UseAnotherMethod(List<String> alternatives) implements Remedy {
        /** Copies. */
        public UseAnotherMethod {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public String code() {
            return "USE_ANOTHER_METHOD";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.useAnotherMethod(this);
        }
    }

    /**
     * Change the amount (split the bill, or pay another way).
     *
     * @param minimum smallest amount accepted, if limited
     * @param maximum largest amount accepted, if limited
     */
    record ChangeAmount(Optional<Money> minimum, Optional<Money> maximum) implements Remedy {
        /** Validates. */
        public ChangeAmount {
            Objects.requireNonNull(minimum, "minimum");
            Objects.requireNonNull(maximum, "maximum");
        }

        @Override
        public String code() {
            return "CHANGE_AMOUNT";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.changeAmount(this);
        }
    }

    /**
     * Choose an installment plan the wallet offers, or pay without installments.
     *
     * @param offeredPeriods the numbers of installments the wallet offers, fewest first; empty when
     *     it offers no installment plans
     */
    record ChooseInstallmentPlan(List<Integer> offeredPeriods) implements Remedy {
        /** Validates and copies. */
        public ChooseInstallmentPlan {
            offeredPeriods = List.copyOf(offeredPeriods);
            for (int i = 0; i < offeredPeriods.size(); i++) {
                if (offeredPeriods.get(i) < 1 || i > 0 && offeredPeriods.get(i) <= offeredPeriods.get(i - 1)) {
                    throw new dev.tenderkit.core.InvalidInputException("offeredPeriods",
                            "must be numbers of installments, fewest first, each once; got " + offeredPeriods);
                }
            }
        }

        @Override
        public String code() {
            return "CHOOSE_INSTALLMENT_PLAN";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.chooseInstallmentPlan(this);
        }
    }

    /**
     * Fetch a fresh platform policy.
     *
     * @param currentVersion the version in use
     * @param issuedAt when it was issued
     */
    record RefreshPolicy(String currentVersion, Instant issuedAt) implements Remedy {
        /** Validates. */
        public RefreshPolicy {
            Objects.requireNonNull(currentVersion, "currentVersion");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }

        @Override
        public String code() {
            return "REFRESH_POLICY";
        }

        @Override
        public LocalizedText text() {
            return RemedyText.refreshPolicy(this);
        }
    }

    /**
     * A remedy defined by a vendor or module rule.
     *
     * @param code stable code chosen by the rule's author, upper-case with underscores
     * @param text what to do
     */
    record Custom(String code, LocalizedText text) implements Remedy {
        /** Validates. */
        public Custom {
            if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
                throw new dev.tenderkit.core.InvalidInputException("code",
                        "custom remedy code must be upper-case letters, digits and '_', got \"" + code + "\"");
            }
            Objects.requireNonNull(text, "text");
        }
    }
}
