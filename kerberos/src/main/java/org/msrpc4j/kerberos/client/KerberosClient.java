package org.msrpc4j.kerberos.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2Entry;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.apache.kerby.kerberos.kerb.type.base.MethodData;
import org.apache.kerby.kerberos.kerb.type.kdc.AsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.AsReq;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcOption;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcOptions;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcReqBody;
import org.apache.kerby.kerberos.kerb.type.kdc.TgsReq;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.pa.PaEncTsEnc;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.asn1.KdcReply;
import org.msrpc4j.kerberos.asn1.KerberosAsn1;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosCipher;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * A Kerberos client: AS exchange with encrypted-timestamp pre-authentication (password or keytab
 * keys), TGS exchange with the authenticator checksum over the request body, and forwarded TGTs
 * for delegation. Errors are reported in plain words ({@link KdcErrors}).
 *
 * <p>Thread-safe (no mutable state besides the random source).
 */
public final class KerberosClient {
    private static final int KU_PA_ENC_TS = 1;
    private static final int KU_AS_REP = 3;
    private static final int KU_TGS_REQ_AUTH_CKSUM = 6;
    private static final int KU_TGS_REQ_AUTH = 7;
    private static final int KU_TGS_REP = 8;
    private static final byte[] PAC_REQUEST_TRUE = {0x30, 0x05, (byte) 0xa0, 0x03, 0x01, 0x01, (byte) 0xff};

    private final Krb5Config config;
    private final KdcTransport transport;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param config the configuration (realms and KDCs, enctypes, the KDC timeout)
     */
    public KerberosClient(Krb5Config config) {
        this(config, new KdcTransport((int) Math.min(Integer.MAX_VALUE, config.kdcTimeout().toMillis())), Clock.systemUTC());
    }

    /**
     * @param config the configuration
     * @param transport how to reach KDCs
     * @param clock the clock (for timestamps)
     */
    public KerberosClient(Krb5Config config, KdcTransport transport, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the configuration */
    public Krb5Config config() {
        return config;
    }

    /**
     * Gets a TGT with a password.
     *
     * @param client the user
     * @param password the password (not kept)
     * @return the TGT
     * @throws KerberosException on any failure, in plain words
     */
    public KerberosTicket requestTgt(Principal client, char[] password) throws KerberosException {
        return asExchange(client, info -> {
            try {
                return KerberosCipher.of(info.type).stringToKey(password,
                        info.salt != null ? info.salt : client.defaultSalt(), info.s2kParams);
            } catch (KerberosCryptoException e) {
                throw new KerberosException("cannot derive a key from the password: " + e.getMessage(), e);
            }
        }, config.enctypes());
    }

    /**
     * Gets a TGT with long-term keys (from a keytab).
     *
     * @param client the principal
     * @param keys its keys, one per enctype
     * @return the TGT
     * @throws KerberosException on any failure
     */
    public KerberosTicket requestTgt(Principal client, List<KerberosKey> keys) throws KerberosException {
        List<EncryptionType> types = new ArrayList<>();
        for (EncryptionType t : config.enctypes()) {
            if (keys.stream().anyMatch(k -> k.type() == t)) {
                types.add(t);
            }
        }
        if (types.isEmpty()) {
            throw new KerberosException("no usable key for " + client + " (need aes256, aes128 or rc4-hmac)");
        }
        return asExchange(client, info -> keys.stream().filter(k -> k.type() == info.type).findFirst()
                .orElseThrow(() -> new KerberosException("the KDC wants etype " + info.type.mitName()
                        + " for " + client + " but there is no such key")), types);
    }

    /** The salt and parameters the KDC announced for one etype. */
    private record SaltInfo(EncryptionType type, String salt, byte[] s2kParams) {
    }

    @FunctionalInterface
    private interface KeySource {
        KerberosKey keyFor(SaltInfo info) throws KerberosException;
    }

    private KerberosTicket asExchange(Principal client, KeySource keys, List<EncryptionType> etypes)
            throws KerberosException {
        Principal tgs = Principal.krbtgt(client.realmUpper());
        // First without pre-authentication: the KDC answers PREAUTH_REQUIRED with the salts.
        int nonce = nonce();
        AsReq req = asReq(client, tgs, nonce, etypes);
        byte[] reply = send(client.realmUpper(), KerbyCodec.encode(req));
        if (isError(reply)) {
            KrbError err = KerbyCodec.decode(reply, KrbError.class);
            int code = errorCode(err);
            if (code != KdcErrors.PREAUTH_REQUIRED) {
                throw kdcError(code, err, client, tgs);
            }
            SaltInfo info = saltInfo(err, etypes);
            KerberosKey key = keys.keyFor(info);
            nonce = nonce();
            req = asReq(client, tgs, nonce, etypes);
            req.addPaData(encTimestamp(key));
            reply = send(client.realmUpper(), KerbyCodec.encode(req));
            if (isError(reply)) {
                KrbError err2 = KerbyCodec.decode(reply, KrbError.class);
                throw kdcError(errorCode(err2), err2, client, tgs);
            }
            return asReply(reply, key, nonce);
        }
        // No pre-authentication required: the reply's etype and padata say which key.
        KdcReply parsed = parseReply(reply);
        EncryptionType t = EncryptionType.byId(parsed.encPart().etype())
                .orElseThrow(() -> new KerberosException("the KDC used an unsupported encryption type"));
        String salt = null;
        try {
            AsRep rep = KerbyCodec.decode(reply, AsRep.class);
            if (rep.getPaData() != null) {
                PaDataEntry e = rep.getPaData().findEntry(PaDataType.ETYPE_INFO2);
                if (e != null) {
                    for (EtypeInfo2Entry entry : KerbyCodec.decode(e.getPaDataValue(), EtypeInfo2.class).getElements()) {
                        salt = entry.getSalt();
                    }
                }
            }
        } catch (KerberosException | RuntimeException e) {
            // No readable salt: the default salt applies.
            salt = null;
        }
        return asReply(reply, keys.keyFor(new SaltInfo(t, salt, null)), nonce);
    }

    private KerberosTicket asReply(byte[] reply, KerberosKey key, int nonce) throws KerberosException {
        KdcReply rep = parseReply(reply);
        byte[] plain;
        try {
            plain = open(key, KU_AS_REP, rep.encPart());
        } catch (KerberosException e) {
            // A KDC that does not check the timestamp answers anyway: the reply then does not decrypt.
            throw new KerberosException("wrong password or key (the KDC reply does not decrypt)", KdcErrors.PREAUTH_FAILED);
        }
        return ticketFrom(rep, plain, nonce);
    }

    private static KdcReply parseReply(byte[] reply) throws KerberosException {
        try {
            return KdcReply.parse(reply);
        } catch (Asn1Exception e) {
            throw new KerberosException("malformed KDC reply: " + e.getMessage(), e);
        }
    }

    private static byte[] open(KerberosKey key, int usage, KerberosAsn1.EncryptedPart enc) throws KerberosException {
        if (enc.etype() != key.type().id()) {
            throw new KerberosException("the KDC reply is encrypted with etype " + enc.etype() + ", the key is "
                    + key.type().mitName());
        }
        try {
            return KerberosCipher.of(key).decrypt(key, usage, enc.cipher());
        } catch (KerberosCryptoException e) {
            throw new KerberosException("the KDC reply does not decrypt: " + e.getMessage(), e);
        }
    }

    /**
     * Gets a service ticket with a TGT.
     *
     * @param tgt the TGT (of the service's realm)
     * @param service the service principal
     * @return the service ticket
     * @throws KerberosException on any failure
     */
    public KerberosTicket requestServiceTicket(KerberosTicket tgt, Principal service) throws KerberosException {
        KdcOptions options = new KdcOptions();
        if (config.forwardable() && tgt.hasFlag(KerberosTicket.FLAG_FORWARDABLE)) {
            options.setFlag(KdcOption.FORWARDABLE);
        }
        options.setFlag(KdcOption.CANONICALIZE);
        return tgsExchange(tgt, service, options);
    }

    /**
     * Gets a forwarded TGT (for delegation in the GSS checksum).
     *
     * @param tgt a forwardable TGT
     * @return the forwarded TGT
     * @throws KerberosException when the TGT is not forwardable or the KDC refuses
     */
    public KerberosTicket requestForwardedTgt(KerberosTicket tgt) throws KerberosException {
        if (!tgt.hasFlag(KerberosTicket.FLAG_FORWARDABLE)) {
            throw new KerberosException("the TGT of " + tgt.client() + " is not forwardable (kinit -f)");
        }
        KdcOptions options = new KdcOptions();
        options.setFlag(KdcOption.FORWARDABLE);
        options.setFlag(KdcOption.FORWARDED);
        return tgsExchange(tgt, tgt.server(), options);
    }

    private KerberosTicket tgsExchange(KerberosTicket tgt, Principal service, KdcOptions options)
            throws KerberosException {
        KerberosKey sessionKey = tgt.sessionKey();
        KdcReqBody body = new KdcReqBody();
        body.setKdcOptions(options);
        body.setRealm(service.realmUpper());
        body.setSname(service.toKerby());
        Instant now = clock.instant();
        body.setTill(KerbyCodec.time(now.plus(Duration.ofDays(1))));
        int nonce = nonce();
        body.setNonce(nonce);
        body.setEtypes(kerbyEtypes(config.enctypes()));
        byte[] bodyDer = KerbyCodec.encode(body);

        Authenticator auth = new Authenticator();
        auth.setAuthenticatorVno(5);
        auth.setCrealm(tgt.client().realm());
        auth.setCname(tgt.client().toKerby());
        try {
            // Samba's KDC rejects a TGS-REQ whose authenticator has no checksum over the body.
            auth.setCksum(new CheckSum(sessionKey.type().checksumType(),
                    KerberosCipher.of(sessionKey).checksum(sessionKey, KU_TGS_REQ_AUTH_CKSUM, bodyDer)));
        } catch (KerberosCryptoException e) {
            throw new KerberosException("cannot compute the TGS-REQ checksum", e);
        }
        auth.setCtime(KerbyCodec.time(now));
        auth.setCusec((int) (now.getNano() / 1000 % 1_000_000));
        ApReq ap = new ApReq();
        ap.setApOptions(new ApOptions());
        ap.setTicket(KerbyCodec.decode(tgt.ticket(), Ticket.class));
        ap.setEncryptedAuthenticator(KerbyCodec.seal(sessionKey, KU_TGS_REQ_AUTH, KerbyCodec.encode(auth), -1));

        TgsReq req = new TgsReq();
        req.setReqBody(body);
        req.addPaData(new PaDataEntry(PaDataType.TGS_REQ, KerbyCodec.encode(ap)));
        byte[] reply = send(service.realmUpper(), KerbyCodec.encode(req));
        if (isError(reply)) {
            KrbError err = KerbyCodec.decode(reply, KrbError.class);
            throw kdcError(errorCode(err), err, tgt.client(), service);
        }
        KdcReply rep = parseReply(reply);
        return ticketFrom(rep, open(sessionKey, KU_TGS_REP, rep.encPart()), nonce);
    }

    private KerberosTicket ticketFrom(KdcReply rep, byte[] encPart, int nonce) throws KerberosException {
        KdcReply.EncPart part;
        try {
            part = KdcReply.parseEncPart(encPart);
        } catch (Asn1Exception e) {
            throw new KerberosException("malformed encrypted part of the KDC reply: " + e.getMessage(), e);
        }
        if (part.nonce() != nonce) {
            throw new KerberosException("the KDC reply does not answer our request (nonce mismatch)");
        }
        KerberosKey sessionKey = part.key().orElseThrow(() ->
                new KerberosException("the KDC chose an unsupported session key type"));
        return new KerberosTicket(rep.client(), part.server(), rep.ticket(), sessionKey, part.flags(), part.authTime(),
                part.startTime(), part.endTime(), part.renewTill());
    }

    private AsReq asReq(Principal client, Principal tgs, int nonce, List<EncryptionType> etypes) {
        KdcReqBody body = new KdcReqBody();
        KdcOptions options = new KdcOptions();
        if (config.forwardable()) {
            options.setFlag(KdcOption.FORWARDABLE);
        }
        body.setKdcOptions(options);
        body.setCname(new Principal(client.components(), client.realm(), Principal.NT_PRINCIPAL).toKerby());
        body.setRealm(client.realmUpper());
        body.setSname(tgs.toKerby());
        body.setTill(KerbyCodec.time(clock.instant().plus(Duration.ofDays(1))));
        body.setNonce(nonce);
        body.setEtypes(kerbyEtypes(etypes));
        AsReq req = new AsReq();
        req.setReqBody(body);
        req.addPaData(new PaDataEntry(PaDataType.PAC_REQUEST, PAC_REQUEST_TRUE));
        return req;
    }

    private PaDataEntry encTimestamp(KerberosKey key) throws KerberosException {
        Instant now = clock.instant();
        PaEncTsEnc ts = new PaEncTsEnc();
        ts.setPaTimestamp(KerbyCodec.time(now));
        ts.setPaUsec((int) (now.getNano() / 1000 % 1_000_000));
        EncryptedData ed = KerbyCodec.seal(key, KU_PA_ENC_TS, KerbyCodec.encode(ts), -1);
        return new PaDataEntry(PaDataType.ENC_TIMESTAMP, KerbyCodec.encode(ed));
    }

    private static SaltInfo saltInfo(KrbError err, List<EncryptionType> wanted) throws KerberosException {
        byte[] edata = err.getEdata();
        if (edata != null && edata.length > 0) {
            MethodData md = KerbyCodec.decode(edata, MethodData.class);
            for (PaDataEntry e : md.getElements()) {
                if (e.getPaDataType() == PaDataType.ETYPE_INFO2 && e.getPaDataValue() != null) {
                    EtypeInfo2 info = KerbyCodec.decode(e.getPaDataValue(), EtypeInfo2.class);
                    for (EtypeInfo2Entry entry : info.getElements()) {
                        if (entry.getEtype() == null) {
                            continue;
                        }
                        var t = EncryptionType.byId(entry.getEtype().getValue());
                        if (t.isPresent() && wanted.contains(t.get())) {
                            return new SaltInfo(t.get(), entry.getSalt(), entry.getS2kParams());
                        }
                    }
                }
            }
        }
        // No ETYPE-INFO2: use our first choice with the default salt.
        return new SaltInfo(wanted.get(0), null, null);
    }

    private byte[] send(String realm, byte[] request) throws KerberosException {
        return transport.send(config.kdcs(realm), request);
    }

    private static boolean isError(byte[] reply) {
        return reply.length > 0 && (reply[0] & 0xff) == 0x7e;
    }

    /** The error code, read defensively: Kerby's enum has no entry for some codes KDCs send. */
    private static int errorCode(KrbError err) {
        try {
            return err.getErrorCode() == null ? -1 : err.getErrorCode().getValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static KerberosException kdcError(int code, KrbError err, Principal client, Principal server) {
        String text = KdcErrors.describe(code, client.toString(), server.toString());
        String etext = null;
        try {
            etext = err.getEtext();
        } catch (RuntimeException e) {
            etext = null;
        }
        return new KerberosException(text + (etext != null && !etext.isBlank() ? " (KDC says: " + etext + ")" : ""), code);
    }

    private int nonce() {
        return random.nextInt() & 0x7fffffff;
    }

    private static List<org.apache.kerby.kerberos.kerb.type.base.EncryptionType> kerbyEtypes(List<EncryptionType> types) {
        List<org.apache.kerby.kerberos.kerb.type.base.EncryptionType> out = new ArrayList<>();
        for (EncryptionType t : types) {
            out.add(org.apache.kerby.kerberos.kerb.type.base.EncryptionType.fromValue(t.id()));
        }
        return out;
    }

}
