/** Terminal profiles: brand, model, software version with proper ordering, peripherals, connectivity. */
package dev.tenderkit.core.terminal;
