package dev.tenderkit.core.capability;

import dev.tenderkit.core.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * Whether a finding about an ancestor of the resolved method (Huabei, for Huabei in 6
 * installments) tells the merchant anything the method's own findings do not. A cause is reported
 * once: the ancestor's finding is left out when the method already has one of the same cause, on
 * the same channel (or method-wide), whose remedy asks for at least as much, so that following it
 * fixes the ancestor too. "Upgrade to 3.4" covers "upgrade to 3.2"; "upgrade to 3.0" does not, and
 * then both are reported, each naming its method.
 */
final class InheritedFindings {
    private InheritedFindings() {
    }

    /** @return whether one of the findings already reported makes the ancestor's finding redundant */
    static boolean covered(List<Finding> reported, Cause cause, String channelId, Remedy remedy) {
        for (int i = 0, n = reported.size(); i < n; i++) {
            Finding f = reported.get(i);
            if (f.cause() == cause && f.channelId().equals(Optional.ofNullable(channelId))
                    && asksAtLeast(f.remedy(), remedy)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether following {@code own} also carries out {@code inherited} */
    static boolean asksAtLeast(Remedy own, Remedy inherited) {
        if (own instanceof Remedy.UpgradeSoftware o && inherited instanceof Remedy.UpgradeSoftware i) {
            return !o.minimumVersion().isBelow(i.minimumVersion());
        }
        if (own instanceof Remedy.ConfigureSettings o && inherited instanceof Remedy.ConfigureSettings i) {
            return o.settings().containsAll(i.settings());
        }
        if (own instanceof Remedy.SwitchChannel o && inherited instanceof Remedy.SwitchChannel i) {
            // Every channel the method's remedy suggests also offers the ancestor.
            return i.merchantChannels().containsAll(o.merchantChannels())
                    && i.otherChannels().containsAll(o.otherChannels());
        }
        if (own instanceof Remedy.ChangeAmount o && inherited instanceof Remedy.ChangeAmount i) {
            return within(o.minimum(), i.minimum(), true) && within(o.maximum(), i.maximum(), false);
        }
        return own.equals(inherited);
    }

    /** @return whether the own bound is at least as strict as the inherited one */
    private static boolean within(Optional<Money> own, Optional<Money> inherited, boolean lower) {
        if (inherited.isEmpty()) {
            return true;
        }
        if (own.isEmpty()) {
            return false;
        }
        return lower ? !own.get().isLessThan(inherited.get()) : !own.get().isGreaterThan(inherited.get());
    }
}
