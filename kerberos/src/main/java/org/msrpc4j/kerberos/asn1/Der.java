package org.msrpc4j.kerberos.asn1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal DER encoder for the Kerberos and SPNEGO structures msrpc4j builds by hand (where
 * Kerby's types lose information, e.g. the GSS 0x8003 checksum type). Each method returns the
 * complete encoding of one value. Stateless; thread-safe.
 */
public final class Der {
    /** SEQUENCE tag. */
    public static final int SEQUENCE = 0x30;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private Der() {
    }

    /**
     * @param tag the identifier octet (single-byte tags only)
     * @param parts the content, concatenated
     * @return the TLV
     */
    public static byte[] tlv(int tag, byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 6);
        out.write(tag);
        writeLength(out, len);
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int len) {
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        } else if (len < 0x1000000) {
            out.write(0x83);
            out.write(len >>> 16);
            out.write(len >>> 8);
            out.write(len);
        } else {
            out.write(0x84);
            out.write(len >>> 24);
            out.write(len >>> 16);
            out.write(len >>> 8);
            out.write(len);
        }
    }

    /** @return SEQUENCE { parts } */
    public static byte[] sequence(byte[]... parts) {
        return tlv(SEQUENCE, parts);
    }

    /** @return [n] EXPLICIT (context-specific, constructed) around {@code inner} */
    public static byte[] context(int n, byte[] inner) {
        return tlv(0xa0 | n, inner);
    }

    /** @return [APPLICATION n] (constructed) around {@code inner} */
    public static byte[] application(int n, byte[] inner) {
        return tlv(0x60 | n, inner);
    }

    /** @return INTEGER with the minimal two's-complement encoding of {@code v} */
    public static byte[] integer(long v) {
        int n = 8;
        while (n > 1) {
            int top = (int) (v >> ((n - 1) * 8)) & 0xff;
            int next = (int) (v >> ((n - 2) * 8)) & 0x80;
            if ((top == 0 && next == 0) || (top == 0xff && next != 0)) {
                n--;
            } else {
                break;
            }
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >> ((n - 1 - i) * 8));
        }
        return tlv(0x02, b);
    }

    /** @return an unsigned 32-bit value as a (positive) INTEGER */
    public static byte[] uint32(int v) {
        return integer(v & 0xffffffffL);
    }

    /** @return GeneralString (KerberosString) in UTF-8 */
    public static byte[] generalString(String s) {
        return tlv(0x1b, s.getBytes(StandardCharsets.UTF_8));
    }

    /** @return OCTET STRING */
    public static byte[] octets(byte[] b) {
        return tlv(0x04, b);
    }

    /** @return BOOLEAN */
    public static byte[] bool(boolean v) {
        return tlv(0x01, new byte[] {(byte) (v ? 0xff : 0)});
    }

    /** @return ENUMERATED */
    public static byte[] enumerated(int v) {
        byte[] i = integer(v);
        i[0] = 0x0a;
        return i;
    }

    /** @return a 32-bit KerberosFlags BIT STRING (bit 0 is the most significant bit of {@code flags}) */
    public static byte[] flags32(int flags) {
        return tlv(0x03, new byte[] {0, (byte) (flags >>> 24), (byte) (flags >>> 16), (byte) (flags >>> 8), (byte) flags});
    }

    /** @return KerberosTime (GeneralizedTime, whole seconds, UTC) */
    public static byte[] time(Instant t) {
        return tlv(0x18, TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    /** @return OBJECT IDENTIFIER from its DER body bytes */
    public static byte[] oid(byte[] body) {
        return tlv(0x06, body);
    }
}
