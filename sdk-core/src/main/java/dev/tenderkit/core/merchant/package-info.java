/** Merchants: identity, merchant category code, and per-channel per-product qualification reviews. */
package dev.tenderkit.core.merchant;
