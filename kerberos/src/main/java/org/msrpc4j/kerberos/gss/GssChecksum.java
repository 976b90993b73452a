package org.msrpc4j.kerberos.gss;

import java.util.Arrays;
import java.util.Optional;
import org.msrpc4j.kerberos.asn1.Asn1Exception;

/**
 * The RFC 4121 4.1.1 authenticator checksum (type 0x8003): channel-binding hash, context flags
 * (including DCE_STYLE 0x1000 of [MS-KILE]) and, with delegation, a KRB-CRED. Immutable.
 *
 * @param flags the GSS context flags
 * @param delegation the KRB-CRED bytes when DELEG is set
 */
public record GssChecksum(int flags, Optional<byte[]> delegation) {
    /** The checksum type. */
    public static final int TYPE = 0x8003;
    /** GSS_C_DELEG_FLAG. */
    public static final int DELEG = 0x01;
    /** GSS_C_MUTUAL_FLAG. */
    public static final int MUTUAL = 0x02;
    /** GSS_C_REPLAY_FLAG. */
    public static final int REPLAY = 0x04;
    /** GSS_C_SEQUENCE_FLAG. */
    public static final int SEQUENCE = 0x08;
    /** GSS_C_CONF_FLAG. */
    public static final int CONF = 0x10;
    /** GSS_C_INTEG_FLAG. */
    public static final int INTEG = 0x20;
    /** GSS_C_DCE_STYLE ([MS-KILE]). */
    public static final int DCE_STYLE = 0x1000;
    /** GSS_C_IDENTIFY_FLAG ([MS-KILE]). */
    public static final int IDENTIFY = 0x2000;

    /** @return the checksum value bytes */
    public byte[] encode() {
        byte[] cred = delegation.orElse(null);
        int len = 24 + (cred == null ? 0 : 4 + cred.length);
        byte[] b = new byte[len];
        le32(b, 0, 16);
        le32(b, 20, flags | (cred == null ? 0 : DELEG));
        if (cred != null) {
            b[24] = 1;
            b[25] = 0;
            b[26] = (byte) cred.length;
            b[27] = (byte) (cred.length >>> 8);
            System.arraycopy(cred, 0, b, 28, cred.length);
        }
        return b;
    }

    /**
     * @param v the checksum value (untrusted)
     * @return the decoded checksum
     * @throws Asn1Exception when it is too short or inconsistent
     */
    public static GssChecksum decode(byte[] v) throws Asn1Exception {
        if (v.length < 24) {
            throw new Asn1Exception("GSS checksum shorter than 24 bytes");
        }
        int lgth = le32(v, 0);
        if (lgth != 16) {
            throw new Asn1Exception("GSS checksum with a channel-binding length of " + lgth);
        }
        int flags = le32(v, 20);
        Optional<byte[]> cred = Optional.empty();
        if ((flags & DELEG) != 0 && v.length >= 28) {
            int opt = (v[24] & 0xff) | ((v[25] & 0xff) << 8);
            int dlgth = (v[26] & 0xff) | ((v[27] & 0xff) << 8);
            if (opt != 1 || dlgth > v.length - 28) {
                throw new Asn1Exception("malformed delegation in the GSS checksum");
            }
            cred = Optional.of(Arrays.copyOfRange(v, 28, 28 + dlgth));
        } else {
            flags &= ~DELEG;
        }
        return new GssChecksum(flags, cred);
    }

    private static void le32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8) | ((b[off + 2] & 0xff) << 16) | ((b[off + 3] & 0xff) << 24);
    }
}
