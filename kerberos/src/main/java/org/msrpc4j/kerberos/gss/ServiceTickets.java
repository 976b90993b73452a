package org.msrpc4j.kerberos.gss;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.msrpc4j.kerberos.client.CredentialCache;
import org.msrpc4j.kerberos.client.KerberosClient;
import org.msrpc4j.kerberos.client.KerberosException;
import org.msrpc4j.kerberos.client.KerberosTicket;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.PasswordIdentity;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * Gets a service ticket (and the TGT, for delegation) for a client identity: a password (AS then
 * TGS), a TGT, or an MIT credential cache (cached ticket, else TGS with the cached TGT).
 * Thread-safe.
 */
public final class ServiceTickets {
    /**
     * What the client context needs.
     *
     * @param serviceTicket the ticket for the SPN
     * @param tgt the TGT, when known (needed to delegate)
     */
    public record Acquired(KerberosTicket serviceTicket, Optional<KerberosTicket> tgt) {
    }

    private final KerberosClient client;
    private final Clock clock;
    private final TicketCache cache = new TicketCache();

    /**
     * @param client the Kerberos client (configuration and KDCs)
     * @param clock the clock
     */
    public ServiceTickets(KerberosClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** @return the Kerberos client */
    public KerberosClient client() {
        return client;
    }

    /**
     * @param identity the client identity
     * @param spn the target SPN (a realm is added from the identity when missing)
     * @return the tickets
     * @throws SecurityContextException UNKNOWN_CREDENTIALS for an unusable identity type,
     *     TARGET_UNKNOWN when the KDC does not know the SPN, LOGON_DENIED for bad credentials
     */
    public Acquired acquire(ClientIdentity identity, String spn) throws SecurityContextException {
        try {
            if (identity instanceof PasswordIdentity p) {
                String realm = realmOf(p.domain());
                String key = cache.passwordKey(realm, p.user(), p.password());
                Optional<KerberosTicket> cached = cache.get(key, clock.instant());
                KerberosTicket tgt = cached.isPresent() ? cached.get()
                        : client.requestTgt(Principal.parse(p.user(), realm), p.password());
                if (cached.isEmpty()) {
                    cache.put(key, tgt);
                }
                return new Acquired(serviceTicket(tgt, spn), Optional.of(tgt));
            }
            if (identity instanceof KerberosKeysIdentity k) {
                KerberosTicket tgt = client.requestTgt(k.principal(), k.keys());
                return new Acquired(serviceTicket(tgt, spn), Optional.of(tgt));
            }
            if (identity instanceof KerberosTicketIdentity t) {
                return new Acquired(serviceTicket(t.tgt(), spn), Optional.of(t.tgt()));
            }
            if (identity instanceof CredentialCacheIdentity c) {
                CredentialCache cache = CredentialCache.read(c.file());
                Instant now = clock.instant();
                String realm = cache.defaultPrincipal().realm();
                Optional<KerberosTicket> tgt = cache.tgt(realm, now);
                Optional<KerberosTicket> cached = cache.find(Principal.service(spn, realm), now);
                if (cached.isPresent()) {
                    return new Acquired(cached.get(), tgt);
                }
                if (tgt.isEmpty()) {
                    throw new SecurityContextException(SecurityStatus.NO_CREDENTIALS,
                            "the credential cache " + c.file() + " has no valid TGT (run kinit)");
                }
                return new Acquired(serviceTicket(tgt.get(), spn), tgt);
            }
        } catch (KerberosException e) {
            SecurityStatus status = e.kdcErrorCode().map(code -> switch (code) {
                case 7 -> SecurityStatus.TARGET_UNKNOWN;
                case 37 -> SecurityStatus.TIME_SKEW;
                default -> SecurityStatus.LOGON_DENIED;
            }).orElse(SecurityStatus.NO_CREDENTIALS);
            throw new SecurityContextException(status, "Kerberos: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SecurityContextException(SecurityStatus.NO_CREDENTIALS, "cannot read the credential cache: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SecurityContextException(SecurityStatus.UNKNOWN_CREDENTIALS, e.getMessage(), e);
        }
        throw new SecurityContextException(SecurityStatus.UNKNOWN_CREDENTIALS,
                "Kerberos cannot use a " + identity.getClass().getSimpleName()
                        + " (give a password, a TGT or a credential cache)");
    }

    /**
     * A forwarded TGT for delegation.
     *
     * @param tgt the client's TGT
     * @return the forwarded TGT
     * @throws KerberosException when the KDC refuses
     */
    public KerberosTicket forwarded(KerberosTicket tgt) throws KerberosException {
        return client.requestForwardedTgt(tgt);
    }

    private KerberosTicket serviceTicket(KerberosTicket tgt, String spn) throws KerberosException {
        Principal service = Principal.service(spn, tgt.client().realm());
        // Keyed by the TGT itself, so a renewed TGT (or another user) never gets a stale ticket.
        String key = "st:" + java.util.Arrays.hashCode(tgt.ticket()) + ":" + tgt.client() + ":" + service;
        Optional<KerberosTicket> cached = cache.get(key, clock.instant());
        if (cached.isPresent() && cached.get().client().sameAs(tgt.client())) {
            return cached.get();
        }
        KerberosTicket st = client.requestServiceTicket(tgt, service);
        cache.put(key, st);
        return st;
    }

    private String realmOf(String domain) {
        if (domain != null && domain.contains(".")) {
            return domain.toUpperCase(Locale.ROOT);
        }
        return client.config().defaultRealm()
                .orElse(domain == null || domain.isEmpty() ? null : domain.toUpperCase(Locale.ROOT));
    }
}
