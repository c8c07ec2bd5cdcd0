/**
 * Payment methods with stable ids ({@link dev.tenderkit.core.method.PaymentMethods} holds the
 * well-known ones), the registry that resolves ids, and the classifier that tells which wallet a
 * scanned payment code (付款码) belongs to.
 */
package dev.tenderkit.core.method;
