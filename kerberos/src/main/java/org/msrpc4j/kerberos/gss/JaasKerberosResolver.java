package org.msrpc4j.kerberos.gss;

import java.security.AccessController;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.CurrentCredentialsResolver;

/**
 * "The current thread's credentials" from a JAAS {@link Subject} holding JDK Kerberos credentials
 * (as Krb5LoginModule leaves them): a TGT ({@link javax.security.auth.kerberos.KerberosTicket}),
 * else long-term keys ({@link javax.security.auth.kerberos.KerberosKey}). Stateless; thread-safe.
 */
public final class JaasKerberosResolver implements CurrentCredentialsResolver {
    @Override
    @SuppressWarnings("removal") // Subject.current() only exists from Java 18; 17 is our target.
    public Optional<ClientIdentity> resolve() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        return subject == null ? Optional.empty() : fromSubject(subject);
    }

    /**
     * @param subject a JAAS subject
     * @return its Kerberos identity, if it has usable credentials
     */
    public static Optional<ClientIdentity> fromSubject(Subject subject) {
        for (javax.security.auth.kerberos.KerberosTicket t
                : subject.getPrivateCredentials(javax.security.auth.kerberos.KerberosTicket.class)) {
            Optional<KerberosTicket> ours = convert(t);
            if (ours.isPresent() && ours.get().isTgt() && ours.get().isValidAt(Instant.now())) {
                return Optional.of(new KerberosTicketIdentity(ours.get()));
            }
        }
        List<KerberosKey> keys = new ArrayList<>();
        KerberosPrincipal owner = null;
        for (javax.security.auth.kerberos.KerberosKey k
                : subject.getPrivateCredentials(javax.security.auth.kerberos.KerberosKey.class)) {
            Optional<EncryptionType> t = EncryptionType.byId(k.getKeyType());
            if (t.isPresent() && !k.isDestroyed() && k.getEncoded().length == t.get().keyLength()) {
                keys.add(new KerberosKey(t.get(), k.getEncoded()));
                owner = k.getPrincipal();
            }
        }
        if (owner != null) {
            return Optional.of(new KerberosKeysIdentity(principal(owner), keys));
        }
        return Optional.empty();
    }

    /**
     * @param t a JDK Kerberos ticket
     * @return the same credential in msrpc4j's form, if its key type is supported
     */
    public static Optional<KerberosTicket> convert(javax.security.auth.kerberos.KerberosTicket t) {
        if (t.isDestroyed()) {
            return Optional.empty();
        }
        Optional<EncryptionType> type = EncryptionType.byId(t.getSessionKeyType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        int flags = 0;
        boolean[] f = t.getFlags();
        for (int i = 0; f != null && i < Math.min(32, f.length); i++) {
            if (f[i]) {
                flags |= 1 << (31 - i);
            }
        }
        return Optional.of(new KerberosTicket(principal(t.getClient()), principal(t.getServer()), t.getEncoded(),
                new KerberosKey(type.get(), t.getSessionKey().getEncoded()), flags,
                t.getAuthTime() == null ? null : t.getAuthTime().toInstant(),
                t.getStartTime() == null ? null : t.getStartTime().toInstant(), t.getEndTime().toInstant(),
                t.getRenewTill() == null ? null : t.getRenewTill().toInstant()));
    }

    private static Principal principal(KerberosPrincipal p) {
        return Principal.parse(p.getName(), p.getRealm());
    }
}
