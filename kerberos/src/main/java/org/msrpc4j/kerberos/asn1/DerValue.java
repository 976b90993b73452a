package org.msrpc4j.kerberos.asn1;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One decoded DER (or BER definite-length) value over an untrusted buffer: its tag and the bounds
 * of its content, with bounds-checked accessors. Every malformation raises {@link Asn1Exception},
 * never an unchecked exception. Immutable; thread-safe as long as the buffer is not modified.
 */
public final class DerValue {
    private static final int MAX_DEPTH = 32;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final byte[] buf;
    private final int tag;
    private final int start;
    private final int contentOffset;
    private final int contentLength;
    private final int depth;

    private DerValue(byte[] buf, int tag, int start, int contentOffset, int contentLength, int depth) {
        this.buf = buf;
        this.tag = tag;
        this.start = start;
        this.contentOffset = contentOffset;
        this.contentLength = contentLength;
        this.depth = depth;
    }

    /**
     * Decodes the value at the start of {@code buf}; trailing bytes are not allowed.
     *
     * @param buf the bytes (untrusted)
     * @return the value
     * @throws Asn1Exception when malformed
     */
    public static DerValue parse(byte[] buf) throws Asn1Exception {
        DerValue v = parseAt(buf, 0, buf.length, 0);
        if (v.end() != buf.length) {
            throw new Asn1Exception("trailing bytes after the ASN.1 value");
        }
        return v;
    }

    /**
     * Decodes the value at the start of {@code buf}, allowing trailing bytes.
     *
     * @param buf the bytes
     * @param offset where the value starts
     * @return the value
     * @throws Asn1Exception when malformed
     */
    public static DerValue parsePrefix(byte[] buf, int offset) throws Asn1Exception {
        return parseAt(buf, offset, buf.length, 0);
    }

    private static DerValue parseAt(byte[] buf, int off, int limit, int depth) throws Asn1Exception {
        if (depth > MAX_DEPTH) {
            throw new Asn1Exception("ASN.1 nesting too deep");
        }
        if (off + 2 > limit) {
            throw new Asn1Exception("truncated ASN.1 value");
        }
        int tag = buf[off] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new Asn1Exception("multi-byte ASN.1 tags are not supported");
        }
        int p = off + 1;
        int first = buf[p++] & 0xff;
        long len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 4) {
                throw new Asn1Exception("unsupported ASN.1 length form");
            }
            if (p + n > limit) {
                throw new Asn1Exception("truncated ASN.1 length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (buf[p++] & 0xff);
            }
        }
        if (len > limit - p) {
            throw new Asn1Exception("ASN.1 length " + len + " exceeds the available " + (limit - p) + " bytes");
        }
        return new DerValue(buf, tag, off, p, (int) len, depth);
    }

    /** @return the identifier octet */
    public int tag() {
        return tag;
    }

    /** @return the offset just past this value */
    public int end() {
        return contentOffset + contentLength;
    }

    /** @return a copy of the complete encoding (tag, length and content) */
    public byte[] encoded() {
        return Arrays.copyOfRange(buf, start, end());
    }

    /** @return a copy of the content octets */
    public byte[] content() {
        return Arrays.copyOfRange(buf, contentOffset, end());
    }

    /**
     * @param expected the tag this value must have
     * @return this
     * @throws Asn1Exception when the tag differs
     */
    public DerValue expect(int expected) throws Asn1Exception {
        if (tag != expected) {
            throw new Asn1Exception(String.format("expected ASN.1 tag 0x%02x, found 0x%02x", expected, tag));
        }
        return this;
    }

    /**
     * @return the values inside this constructed value
     * @throws Asn1Exception when the content is not a sequence of TLVs
     */
    public List<DerValue> children() throws Asn1Exception {
        if ((tag & 0x20) == 0) {
            throw new Asn1Exception("primitive ASN.1 value has no children");
        }
        List<DerValue> out = new ArrayList<>();
        int p = contentOffset;
        while (p < end()) {
            DerValue c = parseAt(buf, p, end(), depth + 1);
            out.add(c);
            p = c.end();
        }
        return out;
    }

    /**
     * The only child of an explicit tag or application wrapper.
     *
     * @return the inner value
     * @throws Asn1Exception when there is not exactly one
     */
    public DerValue inner() throws Asn1Exception {
        List<DerValue> c = children();
        if (c.size() != 1) {
            throw new Asn1Exception("expected exactly one value inside tag 0x" + Integer.toHexString(tag));
        }
        return c.get(0);
    }

    /**
     * In a SEQUENCE, the content of the field tagged [n] EXPLICIT.
     *
     * @param n the context tag number
     * @return the field's value, if present
     * @throws Asn1Exception when malformed
     */
    public Optional<DerValue> field(int n) throws Asn1Exception {
        for (DerValue c : children()) {
            if (c.tag == (0xa0 | n)) {
                return Optional.of(c.inner());
            }
        }
        return Optional.empty();
    }

    /**
     * @param n the context tag number
     * @return the field's value
     * @throws Asn1Exception when absent or malformed
     */
    public DerValue required(int n) throws Asn1Exception {
        return field(n).orElseThrow(() -> new Asn1Exception("missing ASN.1 field [" + n + "]"));
    }

    /**
     * @return the INTEGER (or ENUMERATED) value, up to 64 bits
     * @throws Asn1Exception when not an integer or too long
     */
    public long asLong() throws Asn1Exception {
        if (tag != 0x02 && tag != 0x0a) {
            throw new Asn1Exception("expected an INTEGER, found tag 0x" + Integer.toHexString(tag));
        }
        if (contentLength == 0 || contentLength > 9) {
            throw new Asn1Exception("INTEGER of " + contentLength + " bytes");
        }
        long v = buf[contentOffset];
        for (int i = 1; i < contentLength; i++) {
            v = (v << 8) | (buf[contentOffset + i] & 0xff);
        }
        return v;
    }

    /**
     * @return the INTEGER as a 32-bit value (Int32, or UInt32 folded into 32 bits)
     * @throws Asn1Exception when not an integer
     */
    public int asInt() throws Asn1Exception {
        long v = asLong();
        if (v < Integer.MIN_VALUE || v > 0xffffffffL) {
            throw new Asn1Exception("INTEGER out of 32-bit range");
        }
        return (int) v;
    }

    /** @return the content of an OCTET STRING (or any primitive) */
    public byte[] asOctets() throws Asn1Exception {
        if ((tag & 0x20) != 0) {
            throw new Asn1Exception("expected a primitive value");
        }
        return content();
    }

    /** @return the content as a UTF-8 string (GeneralString, KerberosString) */
    public String asString() throws Asn1Exception {
        return new String(asOctets(), StandardCharsets.UTF_8);
    }

    /** @return a KerberosTime */
    public Instant asTime() throws Asn1Exception {
        String s = new String(expect(0x18).content(), StandardCharsets.US_ASCII);
        if (s.length() < 15 || !s.endsWith("Z")) {
            throw new Asn1Exception("malformed KerberosTime");
        }
        try {
            return LocalDateTime.parse(s.substring(0, 14), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Asn1Exception("malformed KerberosTime");
        }
    }

    /** @return a KerberosFlags BIT STRING as 32 bits (bit 0 most significant) */
    public int asFlags32() throws Asn1Exception {
        byte[] c = expect(0x03).content();
        if (c.length < 1) {
            throw new Asn1Exception("empty BIT STRING");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (i + 1 < c.length ? c[i + 1] & 0xff : 0);
        }
        return v;
    }
}
