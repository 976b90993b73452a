package org.msrpc4j.kerberos.gss;

import java.util.Arrays;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.asn1.Der;
import org.msrpc4j.kerberos.asn1.DerValue;

/**
 * The RFC 2743 3.1 token framing around Kerberos context tokens ({@code 60 len 06 09 <krb5 OID>
 * TOK_ID inner}). DCE style sends raw AP-REQ/AP-REP, but peers such as Impacket frame them; both
 * are accepted. Stateless.
 */
public final class GssFraming {
    /** 1.2.840.113554.1.2.2 (Kerberos 5). */
    public static final byte[] KRB5_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12, 0x01, 0x02, 0x02};
    /** 1.2.840.48018.1.2.2 (Microsoft's Kerberos 5 OID). */
    public static final byte[] MS_KRB5_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x82, (byte) 0xf7, 0x12, 0x01, 0x02, 0x02};
    /** TOK_ID of an AP-REQ. */
    public static final int TOK_AP_REQ = 0x0100;
    /** TOK_ID of an AP-REP. */
    public static final int TOK_AP_REP = 0x0200;
    /** TOK_ID of a KRB-ERROR. */
    public static final int TOK_ERROR = 0x0300;

    private GssFraming() {
    }

    /**
     * A token without framing.
     *
     * @param token the received token (untrusted)
     * @return the TOK_ID (or -1 when unframed) and the inner message
     * @throws Asn1Exception when the framing is malformed or for another mechanism
     */
    public static Unframed unframe(byte[] token) throws Asn1Exception {
        if (token.length == 0 || (token[0] & 0xff) != 0x60) {
            return new Unframed(-1, token);
        }
        DerValue outer = DerValue.parse(token);
        byte[] content = outer.content();
        DerValue oid = DerValue.parsePrefix(content, 0).expect(0x06);
        byte[] body = oid.content();
        if (!Arrays.equals(body, KRB5_OID) && !Arrays.equals(body, MS_KRB5_OID)) {
            throw new Asn1Exception("GSS token for a mechanism other than Kerberos");
        }
        int p = oid.end();
        if (content.length < p + 2) {
            throw new Asn1Exception("GSS token without TOK_ID");
        }
        int tokId = ((content[p] & 0xff) << 8) | (content[p + 1] & 0xff);
        return new Unframed(tokId, Arrays.copyOfRange(content, p + 2, content.length));
    }

    /**
     * @param inner the Kerberos message
     * @param tokId the TOK_ID
     * @return the framed token
     */
    public static byte[] frame(byte[] inner, int tokId) {
        return Der.tlv(0x60, Der.oid(KRB5_OID), new byte[] {(byte) (tokId >>> 8), (byte) tokId}, inner);
    }

    /**
     * An unframed token.
     *
     * @param tokId the TOK_ID, or -1 when the token had no framing
     * @param message the Kerberos message
     */
    public record Unframed(int tokId, byte[] message) {
    }
}
