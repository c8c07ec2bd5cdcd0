package dev.tenderkit.testkit.alipay;

import java.util.Map;

/**
 * What one method made of a request: the fields of the {@code *_response} node, and whether the
 * ledger changed (so it is written to the ledger file).
 */
record Answer(Map<String, Object> node, boolean changed) {
}
