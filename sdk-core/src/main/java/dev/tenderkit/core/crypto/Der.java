package dev.tenderkit.core.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough DER reading to tell key and certificate formats apart without parsing them: the
 * elements of a SEQUENCE (tag, where the content starts, its length) and object identifiers in
 * dotted form. Lengths of up to three bytes; anything else reads as "not this shape" (null or an
 * empty list), never as an exception.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    /** One element: its tag and its content, {@code length} bytes from {@code start}. */
    record Element(int tag, int start, int length) {
        int end() {
            return start + length;
        }
    }

    private Der() {
    }

    /** The element at {@code at}, or null if the bytes there are not a whole element. */
    static Element at(byte[] der, int at) {
        if (at < 0 || at + 2 > der.length) {
            return null;
        }
        int tag = der[at] & 0xff;
        int len = der[at + 1] & 0xff;
        int p = at + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n < 1 || n > 3 || p + n > der.length) {
                return null;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[p + i] & 0xff);
            }
            p += n;
        }
        return p + len > der.length ? null : new Element(tag, p, len);
    }

    /** The elements inside {@code seq} (a SEQUENCE), in order; empty if it is not one or is malformed. */
    static List<Element> children(byte[] der, Element seq) {
        List<Element> out = new ArrayList<>();
        if (seq == null || seq.tag() != SEQUENCE) {
            return out;
        }
        for (int p = seq.start(); p < seq.end(); ) {
            Element e = at(der, p);
            if (e == null || e.end() > seq.end()) {
                return List.of();
            }
            out.add(e);
            p = e.end();
        }
        return out;
    }

    /** The elements of the SEQUENCE that is the whole of {@code der}; empty if it is not one. */
    static List<Element> topLevel(byte[] der) {
        Element outer = at(der, 0);
        return outer == null || outer.end() != der.length ? List.of() : children(der, outer);
    }

    /** The dotted form of the OID that is the first element of an AlgorithmIdentifier, or null. */
    static String algorithmOid(byte[] der, Element algorithmIdentifier) {
        List<Element> parts = children(der, algorithmIdentifier);
        return parts.isEmpty() || parts.get(0).tag() != OID ? null : oid(der, parts.get(0));
    }

    private static String oid(byte[] der, Element oid) {
        if (oid.length() < 1) {
            return null;
        }
        int first = der[oid.start()] & 0xff;
        int arc = Math.min(first / 40, 2);
        StringBuilder sb = new StringBuilder().append(arc).append('.').append(first - 40 * arc);
        long value = 0;
        for (int i = 1; i < oid.length(); i++) {
            int b = der[oid.start() + i] & 0xff;
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                sb.append('.').append(value);
                value = 0;
            }
        }
        return sb.toString();
    }
}
