/**
 * Internal: a located JSON tree over jackson-core's streaming parser, for reading TenderKit's
 * documents with errors that name file, field path, line and column. Not yours to use: it may
 * change in any release.
 */
package dev.tenderkit.core.internal.json;
