package org.msrpc4j.kerberos.asn1;

import java.time.Instant;
import java.util.Optional;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * AS-REP / TGS-REP and their EncKDCRepPart, decoded by hand: Kerby's decoder rejects fields that
 * real KDCs send (Heimdal's encrypted-pa-data [12], RFC 6806), and the ticket must be kept byte for
 * byte as the KDC sent it. Immutable.
 *
 * @param client the client principal (crealm, cname)
 * @param ticket the Ticket's DER, as received
 * @param encPart the encrypted part
 */
public record KdcReply(Principal client, byte[] ticket, KerberosAsn1.EncryptedPart encPart) {

    /**
     * The decrypted EncKDCRepPart.
     *
     * @param key the session key (empty when of an unsupported type)
     * @param nonce the nonce
     * @param flags the ticket flags
     * @param authTime authtime
     * @param startTime starttime, or null
     * @param endTime endtime
     * @param renewTill renew-till, or null
     * @param server the server principal (srealm, sname)
     */
    public record EncPart(Optional<KerberosKey> key, int nonce, int flags, Instant authTime, Instant startTime,
            Instant endTime, Instant renewTill, Principal server) {
    }

    /**
     * @param der an AS-REP ([APPLICATION 11]) or TGS-REP ([APPLICATION 13]), untrusted
     * @return the reply
     * @throws Asn1Exception when malformed
     */
    public static KdcReply parse(byte[] der) throws Asn1Exception {
        DerValue outer = DerValue.parse(der);
        if (outer.tag() != 0x6b && outer.tag() != 0x6d) {
            throw new Asn1Exception("not a KDC reply (tag 0x" + Integer.toHexString(outer.tag()) + ")");
        }
        DerValue seq = outer.inner().expect(Der.SEQUENCE);
        String crealm = seq.required(3).asString();
        Principal client = KerberosAsn1.principal(seq.required(4), crealm);
        byte[] ticket = seq.required(5).expect(0x61).encoded();
        return new KdcReply(client, ticket, KerberosAsn1.encryptedData(seq.required(6)));
    }

    /**
     * @param der the decrypted EncASRepPart ([APPLICATION 25]) or EncTGSRepPart ([APPLICATION 26])
     * @return the part
     * @throws Asn1Exception when malformed
     */
    public static EncPart parseEncPart(byte[] der) throws Asn1Exception {
        DerValue outer = DerValue.parse(der);
        if (outer.tag() != 0x79 && outer.tag() != 0x7a) {
            throw new Asn1Exception("not an EncKDCRepPart");
        }
        DerValue seq = outer.inner().expect(Der.SEQUENCE);
        Optional<KerberosKey> key = KerberosAsn1.encryptionKey(seq.required(0));
        int nonce = seq.required(2).asInt();
        int flags = seq.required(4).asFlags32();
        Instant auth = seq.required(5).asTime();
        Instant start = seq.field(6).isPresent() ? seq.required(6).asTime() : null;
        Instant end = seq.required(7).asTime();
        Instant renew = seq.field(8).isPresent() ? seq.required(8).asTime() : null;
        String srealm = seq.required(9).asString();
        Principal server = KerberosAsn1.principal(seq.required(10), srealm);
        return new EncPart(key, nonce, flags, auth, start, end, renew, server);
    }
}
