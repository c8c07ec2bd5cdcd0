/**
 * The built-in capability rules, one per cause of the capability vocabulary. They are ordinary
 * {@link dev.tenderkit.core.capability.CapabilityRule}s: read them as examples for your own.
 */
package dev.tenderkit.core.capability.rules;
