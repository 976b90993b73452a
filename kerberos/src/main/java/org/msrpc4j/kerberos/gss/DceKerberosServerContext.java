package org.msrpc4j.kerberos.gss;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationData;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationDataEntry;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.msrpc4j.authz.Token;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.asn1.KerberosAsn1;
import org.msrpc4j.kerberos.asn1.KrbCred;
import org.msrpc4j.kerberos.client.KerberosException;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.kerberos.client.KerbyCodec;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.KerberosCipher;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ServerSecurityContext;

/**
 * The acceptor of a DCE-style Kerberos context: checks the ticket with a keytab key (SPN, kvno,
 * enctype), the authenticator (client name, clock skew, replay cache, GSS checksum, delegated
 * credentials), answers with an AP-REP carrying a fresh acceptor subkey, and completes when the
 * client's AP-REP echoes its sequence number. The caller's token comes from a
 * {@link CallerTokenSource} (PAC or account store).
 *
 * <p>Thread safety: see {@link org.msrpc4j.security.SecurityContext}.
 */
public final class DceKerberosServerContext extends KerberosContextBase implements ServerSecurityContext {
    private static final int KU_TICKET = 2;
    private static final int KU_AP_REQ_AUTH = 11;
    private static final int KU_AP_REP = 12;
    private static final int KU_KRB_CRED = 14;
    private static final int AD_IF_RELEVANT = 1;
    private static final int AD_WIN2K_PAC = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keytab keytab;
    private final CallerTokenSource tokens;
    private final ReplayCache replays;
    private final Clock clock;
    private final Duration skew;

    private int state;
    private KerberosKey ticketSessionKey;
    private KerberosKey acceptorSubkey;
    private int mySeq;
    private int clientSeq;
    private KerberosCaller caller;
    private volatile Token token;
    private volatile Principal client;
    private volatile Principal server;
    private volatile KerberosTicket delegated;

    DceKerberosServerContext(Keytab keytab, CallerTokenSource tokens, ReplayCache replays, Clock clock, Duration skew) {
        this.keytab = keytab;
        this.tokens = tokens;
        this.replays = replays;
        this.clock = clock;
        this.skew = skew;
    }

    @Override
    public ContextStep accept(byte[] inputToken) throws SecurityContextException {
        if (inputToken == null || inputToken.length == 0) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "empty Kerberos token");
        }
        try {
            if (state == 0) {
                state = 1;
                byte[] apRep = acceptApReq(inputToken);
                if ((gssFlags & GssChecksum.DCE_STYLE) == 0) {
                    finish();
                    return ContextStep.complete(GssFraming.frame(apRep, GssFraming.TOK_AP_REP));
                }
                return ContextStep.continueWith(apRep);
            }
            if (state == 1) {
                acceptClientApRep(inputToken);
                finish();
                return ContextStep.complete(null);
            }
        } catch (Asn1Exception | KerberosException e) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "malformed Kerberos token: " + e.getMessage(), e);
        } catch (KerberosCryptoException e) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                    "the Kerberos ticket or authenticator does not decrypt (wrong service key?)", e);
        }
        throw new SecurityContextException(SecurityStatus.INVALID_HANDLE, "the Kerberos context is already established");
    }

    private byte[] acceptApReq(byte[] token) throws Asn1Exception, KerberosException, KerberosCryptoException,
            SecurityContextException {
        GssFraming.Unframed u = GssFraming.unframe(token);
        if (u.tokId() != -1 && u.tokId() != GssFraming.TOK_AP_REQ) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "expected an AP-REQ");
        }
        KerberosAsn1.ApReq req = KerberosAsn1.apReq(u.message());
        Ticket ticket = KerbyCodec.decode(req.ticket(), Ticket.class);
        if (ticket.getSname() == null || ticket.getRealm() == null || ticket.getEncryptedEncPart() == null) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "ticket without server name or encrypted part");
        }
        // Kerby decodes absent or empty DER fields as null or empty lists; reject them here so that
        // no hostile ticket reaches Principal or the ciphers with a value they cannot take.
        List<String> snameParts = ticket.getSname().getNameStrings();
        boolean emptyPart = snameParts == null || snameParts.isEmpty();
        for (int i = 0; !emptyPart && i < snameParts.size(); i++) {
            emptyPart = snameParts.get(i) == null;
        }
        if (emptyPart || ticket.getEncryptedEncPart().getCipher() == null) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN,
                    "ticket with an empty server name component or no cipher text");
        }
        server = Principal.fromKerby(ticket.getSname(), ticket.getRealm());
        int etype = ticket.getEncryptedEncPart().getEType() == null ? -1 : ticket.getEncryptedEncPart().getEType().getValue();
        int kvno = ticket.getEncryptedEncPart().getKvno();
        // Candidates: the ticket's kvno first, then other keys of the same type (some KDCs omit
        // the kvno, and a keytab may hold keys from before a password change).
        KerberosKey serviceKey = null;
        byte[] plain = null;
        KerberosCryptoException lastFailure = null;
        for (KerberosKey candidate : serviceKeys(server, etype, kvno)) {
            try {
                plain = KerberosCipher.of(candidate).decrypt(candidate, KU_TICKET, ticket.getEncryptedEncPart().getCipher());
                serviceKey = candidate;
                break;
            } catch (KerberosCryptoException e) {
                lastFailure = e;
            }
        }
        if (serviceKey == null) {
            throw lastFailure;
        }
        EncTicketPart part = KerbyCodec.decode(plain, EncTicketPart.class);
        if (part.getKey() == null || part.getCname() == null || part.getCrealm() == null || part.getEndTime() == null) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "ticket without key or client name");
        }
        client = Principal.fromKerby(part.getCname(), part.getCrealm());
        ticketSessionKey = new KerberosKey(
                org.msrpc4j.kerberos.crypto.EncryptionType.byId(part.getKey().getKeyType().getValue())
                        .orElseThrow(() -> new KerberosException("ticket session key of an unsupported type")),
                part.getKey().getKeyData());
        Instant now = clock.instant();
        Instant end = KerbyCodec.instant(part.getEndTime());
        Instant start = part.getStartTime() != null ? KerbyCodec.instant(part.getStartTime()) : KerbyCodec.instant(part.getAuthTime());
        if (now.isAfter(end.plus(skew))) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "the Kerberos ticket of " + client + " has expired");
        }
        if (start != null && now.plus(skew).isBefore(start)) {
            throw new SecurityContextException(SecurityStatus.TIME_SKEW, "the Kerberos ticket is not yet valid (clock skew?)");
        }
        if (req.authenticator().etype() != ticketSessionKey.type().id()) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "authenticator etype differs from the session key");
        }
        KerberosAsn1.Authenticator auth = KerberosAsn1.authenticator(
                KerberosCipher.of(ticketSessionKey).decrypt(ticketSessionKey, KU_AP_REQ_AUTH, req.authenticator().cipher()));
        if (!auth.client().sameAs(client)) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "the authenticator's client is not the ticket's");
        }
        if (Duration.between(auth.ctime(), now).abs().compareTo(skew) > 0) {
            throw new SecurityContextException(SecurityStatus.TIME_SKEW,
                    "the clocks of the client and this server differ by more than " + skew.toMinutes() + " minutes");
        }
        if (!replays.firstSeen(client + "|" + server + "|" + auth.ctime().getEpochSecond() + "|" + auth.cusec(), now)) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "replayed Kerberos authenticator");
        }
        int flags = GssChecksum.REPLAY | GssChecksum.SEQUENCE | GssChecksum.INTEG | GssChecksum.CONF;
        Optional<byte[]> deleg = Optional.empty();
        if (auth.checksum().isPresent() && auth.checksum().get().type() == GssChecksum.TYPE) {
            GssChecksum c = GssChecksum.decode(auth.checksum().get().value());
            flags = c.flags();
            deleg = c.delegation();
        } else if ((req.apOptions() & KerberosAsn1.AP_MUTUAL_REQUIRED) != 0) {
            flags |= GssChecksum.MUTUAL;
        }
        if (deleg.isPresent()) {
            delegated = readDelegation(deleg.get(), auth.subkey());
            if (delegated == null) {
                flags &= ~GssChecksum.DELEG;
            }
        }
        gssFlags = flags;
        clientSeq = auth.seqNumber().orElse(0);
        KerberosKey base = auth.subkey().orElse(ticketSessionKey);
        byte[] k = new byte[base.type().keyLength()];
        RANDOM.nextBytes(k);
        acceptorSubkey = new KerberosKey(base.type(), k);
        mySeq = RANDOM.nextInt() & 0x3fffffff;
        caller = new KerberosCaller(client, server, pac(part.getAuthorizationData()), serviceKey);
        byte[] enc = KerberosAsn1.encApRepPart(new KerberosAsn1.EncApRepPart(auth.ctime(), auth.cusec(),
                Optional.of(acceptorSubkey), Optional.of(mySeq)));
        byte[] cipher = KerberosCipher.of(ticketSessionKey).encrypt(ticketSessionKey, KU_AP_REP, enc);
        return KerberosAsn1.apRep(new KerberosAsn1.EncryptedPart(ticketSessionKey.type().id(), Optional.empty(), cipher));
    }

    private void acceptClientApRep(byte[] token) throws Asn1Exception, KerberosCryptoException, SecurityContextException {
        GssFraming.Unframed u = GssFraming.unframe(token);
        KerberosAsn1.EncryptedPart enc = KerberosAsn1.apRep(u.message());
        if (enc.etype() != ticketSessionKey.type().id()) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "the client's AP-REP uses another etype");
        }
        KerberosAsn1.EncApRepPart part = KerberosAsn1.encApRepPart(
                KerberosCipher.of(ticketSessionKey).decrypt(ticketSessionKey, KU_AP_REP, enc.cipher()));
        if (part.seqNumber().orElse(mySeq + 1) != mySeq) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                    "the client's AP-REP does not echo our sequence number");
        }
    }

    private void finish() throws SecurityContextException {
        try {
            protection = EstablishedProtection.forKey(acceptorSubkey, false, true, mySeq, clientSeq);
        } catch (KerberosCryptoException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "cannot derive the per-message keys", e);
        }
        sessionSubkey = acceptorSubkey.bytes();
        token = tokens.tokenFor(caller);
    }

    private List<KerberosKey> serviceKeys(Principal spn, int etype, int kvno) throws SecurityContextException {
        List<Keytab.Entry> keys = keytab.keys(spn, Optional.empty());
        java.util.ArrayList<KerberosKey> out = new java.util.ArrayList<>();
        for (Keytab.Entry e : keys) {
            if (e.key().type().id() == etype && e.kvno() == kvno) {
                out.add(e.key());
            }
        }
        for (Keytab.Entry e : keys) {
            if (e.key().type().id() == etype && e.kvno() != kvno) {
                out.add(e.key());
            }
        }
        if (out.isEmpty()) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "this server has no key for " + spn
                    + " (enctype " + etype + ", kvno " + kvno + ") in its keytab");
        }
        return out;
    }

    private KerberosTicket readDelegation(byte[] cred, Optional<KerberosKey> subkey) {
        try {
            KrbCred.Parsed p = KrbCred.parse(cred);
            for (KerberosKey key : subkey.isPresent() ? List.of(ticketSessionKey, subkey.get()) : List.of(ticketSessionKey)) {
                if (key.type().id() != p.encPart().etype()) {
                    continue;
                }
                try {
                    byte[] plain = KerberosCipher.of(key).decrypt(key, KU_KRB_CRED, p.encPart().cipher());
                    return KrbCred.ticket(p.ticket(), plain);
                } catch (KerberosCryptoException e) {
                    // Try the next key: peers differ on session key versus subkey.
                }
            }
        } catch (Asn1Exception e) {
            // Unusable delegation is dropped: the caller is still authenticated.
        }
        return null;
    }

    private static Optional<byte[]> pac(AuthorizationData ad) {
        if (ad == null) {
            return Optional.empty();
        }
        try {
            for (AuthorizationDataEntry e : ad.getElements()) {
                if (e.getAuthzType() != null && e.getAuthzType().getValue() == AD_IF_RELEVANT) {
                    AuthorizationData inner = KerbyCodec.decode(e.getAuthzData(), AuthorizationData.class);
                    for (AuthorizationDataEntry i : inner.getElements()) {
                        if (i.getAuthzType() != null && i.getAuthzType().getValue() == AD_WIN2K_PAC) {
                            return Optional.of(i.getAuthzData());
                        }
                    }
                }
            }
        } catch (KerberosException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public String peerPrincipal() {
        Token t = token;
        if (t != null && t.userName() != null && !t.userName().isEmpty()) {
            return t.userName();
        }
        Principal c = client;
        return c == null ? "" : c.realm() + "\\" + c.name();
    }

    @Override
    public Token callerToken() throws SecurityContextException {
        Token t = token;
        if (t == null) {
            throw new SecurityContextException(SecurityStatus.INVALID_HANDLE, "the Kerberos context is not established");
        }
        return t;
    }

    @Override
    public String serverPrincipal() {
        Principal s = server;
        return s == null ? "" : s.toString();
    }

    /** @return the Kerberos client principal, once the AP-REQ was accepted */
    public Optional<Principal> clientPrincipal() {
        return Optional.ofNullable(client);
    }

    @Override
    public Optional<ClientIdentity> delegatedIdentity() {
        KerberosTicket d = delegated;
        return d == null ? Optional.empty() : Optional.of(new KerberosTicketIdentity(d));
    }
}
