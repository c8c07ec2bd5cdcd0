/** Channels (acquirers, payment institutions, wallets' direct accounts) and the methods they offer. */
package dev.tenderkit.core.channel;
