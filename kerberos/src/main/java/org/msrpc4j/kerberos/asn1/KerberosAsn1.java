package org.msrpc4j.kerberos.asn1;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * Hand-written RFC 4120 encodings of the structures of the AP exchange and of KRB-CRED
 * (Authenticator, AP-REQ, AP-REP, EncAPRepPart, KRB-CRED, EncKrbCredPart), which carry values
 * Kerby's types cannot hold (the GSS checksum type 0x8003). Stateless; thread-safe.
 */
public final class KerberosAsn1 {
    private KerberosAsn1() {
    }

    /**
     * EncryptedData.
     *
     * @param etype the etype number
     * @param kvno the key version, if any
     * @param cipher the ciphertext
     */
    public record EncryptedPart(int etype, Optional<Integer> kvno, byte[] cipher) {
    }

    /**
     * A checksum.
     *
     * @param type the checksum type (0x8003 for the GSS checksum)
     * @param value the checksum bytes
     */
    public record Checksum(int type, byte[] value) {
    }

    /**
     * An Authenticator.
     *
     * @param client the client principal
     * @param checksum the checksum, if any
     * @param cusec microseconds
     * @param ctime client time
     * @param subkey the initiator subkey, if any
     * @param seqNumber the initial sequence number, if any
     */
    public record Authenticator(Principal client, Optional<Checksum> checksum, int cusec, Instant ctime,
            Optional<KerberosKey> subkey, Optional<Integer> seqNumber) {
    }

    /**
     * An AP-REQ.
     *
     * @param apOptions the AP options (KerberosFlags, bit 0 most significant)
     * @param ticket the Ticket's DER encoding
     * @param authenticator the encrypted authenticator
     */
    public record ApReq(int apOptions, byte[] ticket, EncryptedPart authenticator) {
    }

    /**
     * EncAPRepPart.
     *
     * @param ctime the client time echoed
     * @param cusec the microseconds echoed
     * @param subkey the acceptor subkey, if any
     * @param seqNumber the acceptor's initial sequence number, if any
     */
    public record EncApRepPart(Instant ctime, int cusec, Optional<KerberosKey> subkey, Optional<Integer> seqNumber) {
    }

    /** AP-REQ mutual-required option (bit 2). */
    public static final int AP_MUTUAL_REQUIRED = 0x20000000;

    // ---- encoders ----

    /** @return PrincipalName DER */
    public static byte[] principalName(Principal p) {
        List<byte[]> names = new ArrayList<>();
        for (String c : p.components()) {
            names.add(Der.generalString(c));
        }
        return Der.sequence(Der.context(0, Der.integer(p.nameType())),
                Der.context(1, Der.sequence(names.toArray(new byte[0][]))));
    }

    /** @return EncryptionKey DER */
    public static byte[] encryptionKey(KerberosKey k) {
        return Der.sequence(Der.context(0, Der.integer(k.type().id())), Der.context(1, Der.octets(k.bytes())));
    }

    /** @return EncryptedData DER */
    public static byte[] encryptedData(EncryptedPart e) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(Der.context(0, Der.integer(e.etype())));
        e.kvno().ifPresent(v -> parts.add(Der.context(1, Der.uint32(v))));
        parts.add(Der.context(2, Der.octets(e.cipher())));
        return Der.sequence(parts.toArray(new byte[0][]));
    }

    /** @return Authenticator DER ([APPLICATION 2]) */
    public static byte[] authenticator(Authenticator a) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(Der.context(0, Der.integer(5)));
        parts.add(Der.context(1, Der.generalString(a.client().realm())));
        parts.add(Der.context(2, principalName(a.client())));
        a.checksum().ifPresent(c -> parts.add(Der.context(3,
                Der.sequence(Der.context(0, Der.integer(c.type())), Der.context(1, Der.octets(c.value()))))));
        parts.add(Der.context(4, Der.integer(a.cusec())));
        parts.add(Der.context(5, Der.time(a.ctime())));
        a.subkey().ifPresent(k -> parts.add(Der.context(6, encryptionKey(k))));
        a.seqNumber().ifPresent(s -> parts.add(Der.context(7, Der.uint32(s))));
        return Der.application(2, Der.sequence(parts.toArray(new byte[0][])));
    }

    /** @return AP-REQ DER ([APPLICATION 14]) */
    public static byte[] apReq(ApReq r) {
        return Der.application(14, Der.sequence(
                Der.context(0, Der.integer(5)),
                Der.context(1, Der.integer(14)),
                Der.context(2, Der.flags32(r.apOptions())),
                Der.context(3, r.ticket()),
                Der.context(4, encryptedData(r.authenticator()))));
    }

    /** @return EncAPRepPart DER ([APPLICATION 27]) */
    public static byte[] encApRepPart(EncApRepPart p) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(Der.context(0, Der.time(p.ctime())));
        parts.add(Der.context(1, Der.integer(p.cusec())));
        p.subkey().ifPresent(k -> parts.add(Der.context(2, encryptionKey(k))));
        p.seqNumber().ifPresent(s -> parts.add(Der.context(3, Der.uint32(s))));
        return Der.application(27, Der.sequence(parts.toArray(new byte[0][])));
    }

    /** @return AP-REP DER ([APPLICATION 15]) */
    public static byte[] apRep(EncryptedPart encPart) {
        return Der.application(15, Der.sequence(
                Der.context(0, Der.integer(5)),
                Der.context(1, Der.integer(15)),
                Der.context(2, encryptedData(encPart))));
    }

    // ---- decoders (untrusted input) ----

    /** @return the principal in a PrincipalName */
    public static Principal principal(DerValue v, String realm) throws Asn1Exception {
        int type = v.expect(Der.SEQUENCE).required(0).asInt();
        List<String> names = new ArrayList<>();
        for (DerValue s : v.required(1).expect(Der.SEQUENCE).children()) {
            names.add(s.asString());
        }
        if (names.isEmpty() || names.size() > 64) {
            throw new Asn1Exception("PrincipalName with " + names.size() + " components");
        }
        return new Principal(names, realm, type);
    }

    /** @return the key in an EncryptionKey, or empty for an unsupported etype */
    public static Optional<KerberosKey> encryptionKey(DerValue v) throws Asn1Exception {
        int type = v.expect(Der.SEQUENCE).required(0).asInt();
        byte[] value = v.required(1).asOctets();
        Optional<EncryptionType> t = EncryptionType.byId(type);
        if (t.isEmpty() || value.length != t.get().keyLength()) {
            return Optional.empty();
        }
        return Optional.of(new KerberosKey(t.get(), value));
    }

    /** @return the EncryptedData */
    public static EncryptedPart encryptedData(DerValue v) throws Asn1Exception {
        v.expect(Der.SEQUENCE);
        Optional<DerValue> kvno = v.field(1);
        return new EncryptedPart(v.required(0).asInt(), kvno.isPresent() ? Optional.of(kvno.get().asInt()) : Optional.empty(),
                v.required(2).asOctets());
    }

    /** @return the decoded Authenticator */
    public static Authenticator authenticator(byte[] der) throws Asn1Exception {
        DerValue seq = DerValue.parse(der).expect(0x62).inner().expect(Der.SEQUENCE);
        if (seq.required(0).asInt() != 5) {
            throw new Asn1Exception("authenticator version is not 5");
        }
        String realm = seq.required(1).asString();
        Principal client = principal(seq.required(2), realm);
        Optional<Checksum> cksum = Optional.empty();
        Optional<DerValue> c = seq.field(3);
        if (c.isPresent()) {
            DerValue cs = c.get().expect(Der.SEQUENCE);
            cksum = Optional.of(new Checksum(cs.required(0).asInt(), cs.required(1).asOctets()));
        }
        int cusec = seq.required(4).asInt();
        Instant ctime = seq.required(5).asTime();
        Optional<KerberosKey> subkey = Optional.empty();
        Optional<DerValue> sk = seq.field(6);
        if (sk.isPresent()) {
            subkey = encryptionKey(sk.get());
        }
        Optional<DerValue> seqNo = seq.field(7);
        return new Authenticator(client, cksum, cusec, ctime, subkey,
                seqNo.isPresent() ? Optional.of(seqNo.get().asInt()) : Optional.empty());
    }

    /** @return the decoded AP-REQ */
    public static ApReq apReq(byte[] der) throws Asn1Exception {
        DerValue seq = DerValue.parse(der).expect(0x6e).inner().expect(Der.SEQUENCE);
        if (seq.required(0).asInt() != 5 || seq.required(1).asInt() != 14) {
            throw new Asn1Exception("not a version 5 AP-REQ");
        }
        return new ApReq(seq.required(2).asFlags32(), seq.required(3).expect(0x61).encoded(),
                encryptedData(seq.required(4)));
    }

    /** @return the decoded EncAPRepPart */
    public static EncApRepPart encApRepPart(byte[] der) throws Asn1Exception {
        DerValue seq = DerValue.parse(der).expect(0x7b).inner().expect(Der.SEQUENCE);
        Optional<KerberosKey> subkey = Optional.empty();
        Optional<DerValue> sk = seq.field(2);
        if (sk.isPresent()) {
            subkey = encryptionKey(sk.get());
        }
        Optional<DerValue> s = seq.field(3);
        return new EncApRepPart(seq.required(0).asTime(), seq.required(1).asInt(), subkey,
                s.isPresent() ? Optional.of(s.get().asInt()) : Optional.empty());
    }

    /** @return the encrypted part of an AP-REP */
    public static EncryptedPart apRep(byte[] der) throws Asn1Exception {
        DerValue seq = DerValue.parse(der).expect(0x6f).inner().expect(Der.SEQUENCE);
        if (seq.required(0).asInt() != 5 || seq.required(1).asInt() != 15) {
            throw new Asn1Exception("not a version 5 AP-REP");
        }
        return encryptedData(seq.required(2));
    }
}
