/**
 * The capability resolver: whether a payment method works on this terminal for this merchant and,
 * if not, every reason why (a stable {@link dev.tenderkit.core.capability.Cause}) and what to do
 * (a structured {@link dev.tenderkit.core.capability.Remedy}). Rules are pluggable through
 * {@link dev.tenderkit.core.capability.CapabilityRule}; the platform policy is versioned JSON data
 * read by {@link dev.tenderkit.core.capability.CapabilityPolicyReader} and hot-swappable.
 */
package dev.tenderkit.core.capability;
