package dev.tenderkit.core.terminal;

/** A network link a terminal can use to reach the payment gateways. */
public enum Connectivity {
    /** Wired Ethernet. */
    ETHERNET,
    /** Wi-Fi. */
    WIFI,
    /** Mobile data (4G/5G). */
    CELLULAR
}
