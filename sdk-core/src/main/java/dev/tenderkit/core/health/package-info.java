/** Terminal health as the capability resolver sees it: the items that are not OK and what fixes them. */
package dev.tenderkit.core.health;
