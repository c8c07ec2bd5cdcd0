/** Internal helpers shared by TenderKit's packages. Not yours to use: they may change in any release. */
package dev.tenderkit.core.internal;
