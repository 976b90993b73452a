package org.msrpc4j.kerberos.asn1;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * KRB-CRED (RFC 4120 5.8) with one ticket, as carried in the GSS checksum for delegation: the
 * forwarded TGT and its session key. Stateless; thread-safe.
 */
public final class KrbCred {
    private KrbCred() {
    }

    /**
     * The plaintext EncKrbCredPart for a ticket ([APPLICATION 29]).
     *
     * @param t the ticket to forward
     * @return the DER encoding, to be encrypted with key usage 14
     */
    public static byte[] encKrbCredPart(KerberosTicket t) {
        List<byte[]> info = new ArrayList<>();
        info.add(Der.context(0, KerberosAsn1.encryptionKey(t.sessionKey())));
        info.add(Der.context(1, Der.generalString(t.client().realm())));
        info.add(Der.context(2, KerberosAsn1.principalName(t.client())));
        info.add(Der.context(3, Der.flags32(t.flags())));
        info.add(Der.context(4, Der.time(t.authTime())));
        info.add(Der.context(5, Der.time(t.startTime())));
        info.add(Der.context(6, Der.time(t.endTime())));
        if (t.renewTill() != null) {
            info.add(Der.context(7, Der.time(t.renewTill())));
        }
        info.add(Der.context(8, Der.generalString(t.server().realm())));
        info.add(Der.context(9, KerberosAsn1.principalName(t.server())));
        return Der.application(29, Der.sequence(Der.context(0, Der.sequence(Der.sequence(info.toArray(new byte[0][]))))));
    }

    /**
     * @param ticketDer the ticket
     * @param encPart the encrypted EncKrbCredPart
     * @return KRB-CRED DER ([APPLICATION 22])
     */
    public static byte[] krbCred(byte[] ticketDer, KerberosAsn1.EncryptedPart encPart) {
        return Der.application(22, Der.sequence(
                Der.context(0, Der.integer(5)),
                Der.context(1, Der.integer(22)),
                Der.context(2, Der.sequence(ticketDer)),
                Der.context(3, KerberosAsn1.encryptedData(encPart))));
    }

    /**
     * A parsed KRB-CRED: its first ticket and the encrypted part.
     *
     * @param ticket the first ticket's DER
     * @param encPart the encrypted EncKrbCredPart
     */
    public record Parsed(byte[] ticket, KerberosAsn1.EncryptedPart encPart) {
    }

    /** @return the first ticket and the encrypted part of a KRB-CRED */
    public static Parsed parse(byte[] der) throws Asn1Exception {
        DerValue seq = DerValue.parse(der).expect(0x76).inner().expect(Der.SEQUENCE);
        if (seq.required(0).asInt() != 5 || seq.required(1).asInt() != 22) {
            throw new Asn1Exception("not a version 5 KRB-CRED");
        }
        List<DerValue> tickets = seq.required(2).expect(Der.SEQUENCE).children();
        if (tickets.isEmpty()) {
            throw new Asn1Exception("KRB-CRED without tickets");
        }
        return new Parsed(tickets.get(0).expect(0x61).encoded(), KerberosAsn1.encryptedData(seq.required(3)));
    }

    /**
     * Rebuilds the forwarded ticket from a ticket and the decrypted EncKrbCredPart.
     *
     * @param ticketDer the ticket
     * @param encKrbCredPart the decrypted part
     * @return the credential
     * @throws Asn1Exception when malformed or the key is unsupported
     */
    public static KerberosTicket ticket(byte[] ticketDer, byte[] encKrbCredPart) throws Asn1Exception {
        DerValue seq = DerValue.parse(encKrbCredPart).expect(0x7d).inner().expect(Der.SEQUENCE);
        List<DerValue> infos = seq.required(0).expect(Der.SEQUENCE).children();
        if (infos.isEmpty()) {
            throw new Asn1Exception("EncKrbCredPart without ticket info");
        }
        DerValue i = infos.get(0).expect(Der.SEQUENCE);
        KerberosKey key = KerberosAsn1.encryptionKey(i.required(0))
                .orElseThrow(() -> new Asn1Exception("forwarded ticket with an unsupported key type"));
        String prealm = i.required(1).asString();
        Principal client = KerberosAsn1.principal(i.required(2), prealm);
        int flags = i.field(3).isPresent() ? i.required(3).asFlags32() : 0;
        Instant auth = optTime(i.field(4));
        Instant start = optTime(i.field(5));
        Instant end = i.required(6).asTime();
        Instant renew = optTime(i.field(7));
        String srealm = i.required(8).asString();
        Principal server = KerberosAsn1.principal(i.required(9), srealm);
        return new KerberosTicket(client, server, ticketDer, key, flags, auth, start, end, renew);
    }

    private static Instant optTime(Optional<DerValue> v) throws Asn1Exception {
        return v.isPresent() ? v.get().asTime() : null;
    }
}
