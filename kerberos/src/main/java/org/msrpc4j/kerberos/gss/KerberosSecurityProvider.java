package org.msrpc4j.kerberos.gss;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.msrpc4j.kerberos.client.KerberosClient;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;

/**
 * The Kerberos security package (auth type 16, GSS_KERBEROS) in DCE style. A client side needs a
 * {@link Krb5Config}; a server side needs a {@link Keytab} and a {@link CallerTokenSource}.
 *
 * <p>Thread-safe: contexts are independent; the replay cache is shared and synchronised.
 */
public final class KerberosSecurityProvider implements SecurityProvider {
    private final ServiceTickets tickets;
    private final Keytab keytab;
    private final CallerTokenSource tokens;
    private final Clock clock;
    private final Duration skew;
    private final boolean enforceOkAsDelegate;
    private final ReplayCache replays;

    private KerberosSecurityProvider(Builder b) {
        this.clock = b.clock;
        this.tickets = b.config == null ? null : new ServiceTickets(new KerberosClient(b.config), b.clock);
        this.keytab = b.keytab;
        this.tokens = b.tokens;
        this.skew = b.skew;
        this.enforceOkAsDelegate = b.enforceOkAsDelegate;
        this.replays = new ReplayCache(b.skew.multipliedBy(2), 100_000);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AuthnService service() {
        return AuthnService.GSS_KERBEROS;
    }

    @Override
    public ClientSecurityContext newClientContext(ClientContextRequest request) throws SecurityContextException {
        return newKerberosClientContext(request);
    }

    /**
     * @param request the request
     * @return a Kerberos client context (also used inside SPNEGO)
     * @throws SecurityContextException UNSUPPORTED_FUNCTION without a client configuration
     */
    public DceKerberosClientContext newKerberosClientContext(ClientContextRequest request) throws SecurityContextException {
        if (tickets == null) {
            throw new SecurityContextException(SecurityStatus.UNSUPPORTED_FUNCTION,
                    "Kerberos client side not configured (no krb5.conf)");
        }
        return new DceKerberosClientContext(tickets, request, clock, enforceOkAsDelegate);
    }

    @Override
    public ServerSecurityContext newServerContext(ServerContextRequest request) throws SecurityContextException {
        return newKerberosServerContext(request);
    }

    /**
     * @param request the request
     * @return a Kerberos server context (also used inside SPNEGO)
     * @throws SecurityContextException UNSUPPORTED_FUNCTION without a keytab
     */
    public DceKerberosServerContext newKerberosServerContext(ServerContextRequest request) throws SecurityContextException {
        if (keytab == null || tokens == null) {
            throw new SecurityContextException(SecurityStatus.UNSUPPORTED_FUNCTION,
                    "Kerberos server side not configured (no keytab)");
        }
        return new DceKerberosServerContext(keytab, tokens, replays, clock, skew);
    }

    /** @return whether this provider can accept (it has a keytab) */
    public boolean hasServerSide() {
        return keytab != null && tokens != null;
    }

    /** @return whether this provider can initiate (it has a krb5 configuration) */
    public boolean hasClientSide() {
        return tickets != null;
    }

    /** Builds a {@link KerberosSecurityProvider}. Not thread-safe. */
    public static final class Builder {
        private Krb5Config config;
        private Keytab keytab;
        private CallerTokenSource tokens;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private boolean enforceOkAsDelegate;

        /** @param config the client configuration (realms, KDCs) @return this */
        public Builder clientConfig(Krb5Config config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        /** @param keytab the server's keys @param tokens how callers become tokens @return this */
        public Builder server(Keytab keytab, CallerTokenSource tokens) {
            this.keytab = Objects.requireNonNull(keytab);
            this.tokens = Objects.requireNonNull(tokens);
            return this;
        }

        /** @param clock the clock @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** @param skew the allowed clock skew (5 minutes by default) @return this */
        public Builder clockSkew(Duration skew) {
            this.skew = Objects.requireNonNull(skew);
            return this;
        }

        /**
         * @param enforce delegate only to services whose ticket is OK-AS-DELEGATE (as Windows
         *     does); false by default, as MIT's enforce_ok_as_delegate
         * @return this
         */
        public Builder enforceOkAsDelegate(boolean enforce) {
            this.enforceOkAsDelegate = enforce;
            return this;
        }

        /** @return the provider */
        public KerberosSecurityProvider build() {
            return new KerberosSecurityProvider(this);
        }
    }
}
