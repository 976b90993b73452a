package org.msrpc4j.kerberos.pac;

import java.nio.charset.StandardCharsets;

/**
 * A little-endian NDR 2.0 reader over one PAC buffer with bounds checks and alignment, just enough
 * for KERB_VALIDATION_INFO (a careful small decoder, so the kerberos module does not depend on the
 * IDL runtime). Every overrun raises {@link PacFormatException}. Not thread-safe.
 */
final class NdrReader {
    private static final int MAX_COUNT = 1 << 16;
    private final byte[] b;
    private final int end;
    private int p;

    NdrReader(byte[] b, int off, int len) {
        this.b = b;
        this.p = off;
        this.end = off + len;
    }

    private void need(int n) throws PacFormatException {
        if (n < 0 || n > end - p) {
            throw new PacFormatException("truncated KERB_VALIDATION_INFO");
        }
    }

    void align(int n) throws PacFormatException {
        int pad = (n - (p % n)) % n;
        need(pad);
        p += pad;
    }

    int u8() throws PacFormatException {
        need(1);
        return b[p++] & 0xff;
    }

    int u16() throws PacFormatException {
        align(2);
        need(2);
        int v = (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8);
        p += 2;
        return v;
    }

    long u32() throws PacFormatException {
        align(4);
        need(4);
        long v = (b[p] & 0xffL) | ((b[p + 1] & 0xffL) << 8) | ((b[p + 2] & 0xffL) << 16) | ((b[p + 3] & 0xffL) << 24);
        p += 4;
        return v;
    }

    void skip(int n) throws PacFormatException {
        need(n);
        p += n;
    }

    /** A conformance/count value, bounded so that a hostile count cannot allocate much. */
    int count() throws PacFormatException {
        long c = u32();
        if (c > MAX_COUNT) {
            throw new PacFormatException("count " + c + " too large in KERB_VALIDATION_INFO");
        }
        return (int) c;
    }

    /** The deferred part of an RPC_UNICODE_STRING: max count, offset, actual count, UTF-16LE. */
    String unicodeString(int byteLength) throws PacFormatException {
        count();
        long offset = u32();
        int actual = count();
        if (offset != 0 || actual * 2 < byteLength) {
            throw new PacFormatException("malformed string in KERB_VALIDATION_INFO");
        }
        need(actual * 2);
        String s = new String(b, p, byteLength, StandardCharsets.UTF_16LE);
        p += actual * 2;
        return s;
    }

    /** The deferred part of an RPC_SID: max count, then revision, count, authority, sub-authorities. */
    org.msrpc4j.authz.Sid sid() throws PacFormatException {
        int max = count();
        int rev = u8();
        int n = u8();
        if (rev != 1 || n != max || n > org.msrpc4j.authz.Sid.MAX_SUB_AUTHORITIES) {
            throw new PacFormatException("malformed SID in KERB_VALIDATION_INFO");
        }
        need(6);
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = (authority << 8) | (b[p++] & 0xff);
        }
        long[] subs = new long[n];
        for (int i = 0; i < n; i++) {
            subs[i] = u32();
        }
        return org.msrpc4j.authz.Sid.of(authority, subs);
    }
}
