/**
 * Internal: how TenderKit writes values such as durations in the messages it shows people, in
 * Chinese and English. Not yours to use: it may change in any release.
 */
package dev.tenderkit.core.internal.text;
