package dev.tenderkit.core.method;

import dev.tenderkit.core.terminal.Peripheral;
import java.util.List;
import java.util.Set;

/**
 * How the buyer presents the means of payment to the terminal, and therefore which peripherals
 * the terminal needs for it.
 */
public enum EntryMode {
    /** The buyer shows a payment code (付款码) and the terminal scans it: needs a scanner or camera. */
    BUYER_CODE(List.of(Set.of(Peripheral.BARCODE_SCANNER, Peripheral.CAMERA))),
    /** A bank card is inserted, swiped or tapped, and the PIN entered: needs a reader and a PIN pad. */
    CARD(List.of(Set.of(Peripheral.CARD_READER, Peripheral.NFC_READER), Set.of(Peripheral.PIN_PAD))),
    /** The terminal shows a QR code for the buyer to scan: needs a display or a printer. */
    MERCHANT_CODE(List.of(Set.of(Peripheral.CUSTOMER_DISPLAY, Peripheral.RECEIPT_PRINTER)));

    private final List<Set<Peripheral>> requirements;
    private final Peripheral[][] requirementArrays;

    EntryMode(List<Set<Peripheral>> requirements) {
        this.requirements = requirements;
        this.requirementArrays = new Peripheral[requirements.size()][];
        for (int i = 0; i < requirements.size(); i++) {
            requirementArrays[i] = requirements.get(i).stream().sorted().toArray(Peripheral[]::new);
        }
    }

    /** @return the number of requirement groups */
    public int requirementCount() {
        return requirementArrays.length;
    }

    /**
     * Allocation-free check for hot paths.
     *
     * @param group index of the requirement group, below {@link #requirementCount()}
     * @param present the peripherals available
     * @return whether some peripheral of the group is available
     */
    public boolean isGroupMet(int group, Set<Peripheral> present) {
        for (Peripheral p : requirementArrays[group]) {
            if (present.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the peripheral requirements: every group must be satisfied, and a group is
     *     satisfied by any one of its peripherals
     */
    public List<Set<Peripheral>> requirements() {
        return requirements;
    }
}
