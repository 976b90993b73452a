package org.msrpc4j.kerberos.client;

import java.nio.charset.StandardCharsets;

/**
 * Big-endian reader over an untrusted byte array with bounds checks: every read past the end or
 * any length above the remaining bytes raises {@link KerberosException}. Not thread-safe.
 */
final class BinaryReader {
    private final byte[] b;
    private int p;

    BinaryReader(byte[] b) {
        this.b = b;
    }

    boolean atEnd() {
        return p >= b.length;
    }

    int remaining() {
        return b.length - p;
    }

    private void need(int n) throws KerberosException {
        if (n < 0 || n > b.length - p) {
            throw new KerberosException("truncated or malformed file (needed " + n + " bytes at offset " + p + ")");
        }
    }

    int u8() throws KerberosException {
        need(1);
        return b[p++] & 0xff;
    }

    int u16() throws KerberosException {
        need(2);
        int v = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        p += 2;
        return v;
    }

    int i32() throws KerberosException {
        need(4);
        int v = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        p += 4;
        return v;
    }

    long u32() throws KerberosException {
        return i32() & 0xffffffffL;
    }

    byte[] bytes(int n) throws KerberosException {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(b, p, out, 0, n);
        p += n;
        return out;
    }

    /** u32 length-prefixed bytes (ccache "counted octet string"). */
    byte[] data32() throws KerberosException {
        long n = u32();
        if (n > remaining()) {
            throw new KerberosException("truncated or malformed file (length " + n + " at offset " + p + ")");
        }
        return bytes((int) n);
    }

    /** u16 length-prefixed bytes (keytab). */
    byte[] data16() throws KerberosException {
        return bytes(u16());
    }

    String string32() throws KerberosException {
        return new String(data32(), StandardCharsets.UTF_8);
    }

    String string16() throws KerberosException {
        return new String(data16(), StandardCharsets.UTF_8);
    }

    void skip(int n) throws KerberosException {
        need(n);
        p += n;
    }

    int position() {
        return p;
    }

    void seek(int pos) {
        p = pos;
    }
}
