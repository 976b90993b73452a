package org.msrpc4j.kerberos.gss;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.asn1.KerberosAsn1;
import org.msrpc4j.kerberos.asn1.KrbCred;
import org.msrpc4j.kerberos.client.KdcErrors;
import org.msrpc4j.kerberos.client.KerberosException;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.kerberos.client.KerbyCodec;
import org.msrpc4j.kerberos.crypto.KerberosCipher;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * The initiator of a DCE-style Kerberos context ([MS-KILE] 3.2.5.2): AP-REQ with the GSS checksum
 * (DCE_STYLE, mutual, optional delegation), then the server's AP-REP, then the client's own AP-REP
 * echoing the server's sequence number. Per-message tokens use the acceptor subkey.
 *
 * <p>Thread safety: see {@link org.msrpc4j.security.SecurityContext}.
 */
public final class DceKerberosClientContext extends KerberosContextBase implements ClientSecurityContext {
    private static final int KU_AP_REQ_AUTH = 11;
    private static final int KU_AP_REP = 12;
    private static final int KU_KRB_CRED = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServiceTickets tickets;
    private final ClientContextRequest request;
    private final Clock clock;
    private final boolean enforceOkAsDelegate;

    private int state;
    private KerberosTicket serviceTicket;
    private KerberosKey subkey;
    private int seq;
    private Instant ctime;
    private int cusec;

    DceKerberosClientContext(ServiceTickets tickets, ClientContextRequest request, Clock clock, boolean enforceOkAsDelegate) {
        this.tickets = tickets;
        this.request = request;
        this.clock = clock;
        this.enforceOkAsDelegate = enforceOkAsDelegate;
    }

    @Override
    public String peerPrincipal() {
        return request.targetName();
    }

    @Override
    public ContextStep initialize(byte[] inputToken) throws SecurityContextException {
        if (state == 0) {
            state = 1;
            return ContextStep.continueWith(apReq());
        }
        if (state == 1) {
            if (inputToken == null || inputToken.length == 0) {
                throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "the server sent no Kerberos AP-REP");
            }
            byte[] reply = apRepFromServer(inputToken);
            state = 2;
            return ContextStep.complete(reply);
        }
        throw new SecurityContextException(SecurityStatus.INVALID_HANDLE, "the Kerberos context is already established");
    }

    /** @return the service ticket used (after the first step) */
    public Optional<KerberosTicket> serviceTicket() {
        return Optional.ofNullable(serviceTicket);
    }

    private byte[] apReq() throws SecurityContextException {
        if (request.targetName().isEmpty()) {
            throw new SecurityContextException(SecurityStatus.TARGET_UNKNOWN,
                    "Kerberos needs the server's SPN (e.g. host/server.example.test)");
        }
        ServiceTickets.Acquired acquired = tickets.acquire(request.identity(), request.targetName());
        serviceTicket = acquired.serviceTicket();
        KerberosKey sessionKey = serviceTicket.sessionKey();
        byte[] sk = new byte[sessionKey.type().keyLength()];
        RANDOM.nextBytes(sk);
        subkey = new KerberosKey(sessionKey.type(), sk);
        seq = RANDOM.nextInt() & 0x3fffffff;
        // CONF only at privacy: Samba sizes verifiers from the flags it got, and with CONF it
        // expects wrap-sized (76-byte) signatures even at integrity, as Samba's own client avoids.
        int flags = GssChecksum.MUTUAL | GssChecksum.REPLAY | GssChecksum.SEQUENCE | GssChecksum.INTEG
                | GssChecksum.DCE_STYLE;
        if (request.level().effectiveForConnectionOriented() == org.msrpc4j.security.AuthnLevel.PKT_PRIVACY) {
            flags |= GssChecksum.CONF;
        }
        if (request.qos().impersonationLevel() == ImpersonationLevel.IDENTIFY) {
            flags |= GssChecksum.IDENTIFY;
        }
        Optional<byte[]> deleg = delegation(acquired, sessionKey);
        if (deleg.isPresent()) {
            flags |= GssChecksum.DELEG;
        }
        gssFlags = flags;
        Instant now = clock.instant();
        ctime = now.truncatedTo(ChronoUnit.SECONDS);
        cusec = now.getNano() / 1000 % 1_000_000;
        KerberosAsn1.Authenticator auth = new KerberosAsn1.Authenticator(serviceTicket.client(),
                Optional.of(new KerberosAsn1.Checksum(GssChecksum.TYPE, new GssChecksum(flags, deleg).encode())), cusec, ctime,
                Optional.of(subkey), Optional.of(seq));
        try {
            byte[] cipher = KerberosCipher.of(sessionKey).encrypt(sessionKey, KU_AP_REQ_AUTH, KerberosAsn1.authenticator(auth));
            return KerberosAsn1.apReq(new KerberosAsn1.ApReq(KerberosAsn1.AP_MUTUAL_REQUIRED, serviceTicket.ticket(),
                    new KerberosAsn1.EncryptedPart(sessionKey.type().id(), Optional.empty(), cipher)));
        } catch (KerberosCryptoException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "cannot encrypt the authenticator", e);
        }
    }

    /** A forwarded TGT in a KRB-CRED when the client asked for delegation and it is allowed. */
    private Optional<byte[]> delegation(ServiceTickets.Acquired acquired, KerberosKey sessionKey) {
        if (request.qos().impersonationLevel() != ImpersonationLevel.DELEGATE || acquired.tgt().isEmpty()) {
            return Optional.empty();
        }
        KerberosTicket tgt = acquired.tgt().get();
        if (!tgt.hasFlag(KerberosTicket.FLAG_FORWARDABLE)
                || (enforceOkAsDelegate && !serviceTicket.hasFlag(KerberosTicket.FLAG_OK_AS_DELEGATE))) {
            return Optional.empty();
        }
        try {
            KerberosTicket fwd = tickets.forwarded(tgt);
            byte[] enc = KerberosCipher.of(sessionKey).encrypt(sessionKey, KU_KRB_CRED, KrbCred.encKrbCredPart(fwd));
            return Optional.of(KrbCred.krbCred(fwd.ticket(),
                    new KerberosAsn1.EncryptedPart(sessionKey.type().id(), Optional.empty(), enc)));
        } catch (KerberosException | KerberosCryptoException e) {
            // Delegation is best effort, as with SSPI: authentication goes on without it.
            return Optional.empty();
        }
    }

    private byte[] apRepFromServer(byte[] token) throws SecurityContextException {
        KerberosKey sessionKey = serviceTicket.sessionKey();
        try {
            GssFraming.Unframed u = GssFraming.unframe(token);
            byte[] msg = u.message();
            if (u.tokId() == GssFraming.TOK_ERROR || (msg.length > 0 && (msg[0] & 0xff) == 0x7e)) {
                throw serverError(msg);
            }
            KerberosAsn1.EncryptedPart enc = KerberosAsn1.apRep(msg);
            if (enc.etype() != sessionKey.type().id()) {
                throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "the AP-REP uses another encryption type");
            }
            byte[] plain = KerberosCipher.of(sessionKey).decrypt(sessionKey, KU_AP_REP, enc.cipher());
            KerberosAsn1.EncApRepPart part = KerberosAsn1.encApRepPart(plain);
            if (!part.ctime().equals(ctime) || part.cusec() != cusec) {
                throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                        "the server's AP-REP does not answer our authenticator (mutual authentication failed)");
            }
            int serverSeq = part.seqNumber().orElse(0);
            Optional<KerberosKey> acceptorSubkey = part.subkey();
            byte[] mine = KerberosAsn1.encApRepPart(
                    new KerberosAsn1.EncApRepPart(part.ctime(), part.cusec(), Optional.empty(), Optional.of(serverSeq)));
            byte[] cipher = KerberosCipher.of(sessionKey).encrypt(sessionKey, KU_AP_REP, mine);
            byte[] reply = KerberosAsn1.apRep(new KerberosAsn1.EncryptedPart(sessionKey.type().id(), Optional.empty(), cipher));
            KerberosKey tokenKey = acceptorSubkey.orElse(subkey);
            sessionSubkey = tokenKey.bytes();
            protection = EstablishedProtection.forKey(tokenKey, true, acceptorSubkey.isPresent(), seq, serverSeq);
            return reply;
        } catch (Asn1Exception e) {
            throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "malformed AP-REP: " + e.getMessage(), e);
        } catch (KerberosCryptoException e) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                    "the server's AP-REP does not decrypt (the server is not who it claims)", e);
        }
    }

    private static SecurityContextException serverError(byte[] msg) {
        int code = -1;
        try {
            KrbError err = KerbyCodec.decode(msg, KrbError.class);
            code = err.getErrorCode() == null ? -1 : err.getErrorCode().getValue();
        } catch (KerberosException | RuntimeException e) {
            code = -1;
        }
        String text = "the server refused the Kerberos ticket: " + KdcErrors.describe(code, "the client", "the server");
        return new SecurityContextException(code == KdcErrors.SKEW ? SecurityStatus.TIME_SKEW : SecurityStatus.LOGON_DENIED, text);
    }
}
