/**
 * TenderKit core: the exception hierarchy and shared small values. The model lives in the
 * subpackages: {@code money}, {@code method}, {@code terminal}, {@code merchant}, {@code channel},
 * {@code capability}.
 */
package dev.tenderkit.core;
