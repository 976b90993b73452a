package org.msrpc4j.kerberos.spnego;

import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;

/**
 * The Negotiate package (auth type 9, SPNEGO): Kerberos when it can, NTLM otherwise. Either
 * provider may be null. Thread-safe (holds only thread-safe providers).
 */
public final class NegotiateSecurityProvider implements SecurityProvider {
    private final KerberosSecurityProvider kerberos;
    private final SecurityProvider ntlm;

    /**
     * @param kerberos the Kerberos provider, or null
     * @param ntlm the NTLM provider (module security's NtlmSecurityProvider), or null
     */
    public NegotiateSecurityProvider(KerberosSecurityProvider kerberos, SecurityProvider ntlm) {
        if (kerberos == null && ntlm == null) {
            throw new IllegalArgumentException("Negotiate needs Kerberos or NTLM");
        }
        if (ntlm != null && ntlm.service() != AuthnService.WINNT) {
            throw new IllegalArgumentException("the NTLM provider must be for WINNT, not " + ntlm.service());
        }
        this.kerberos = kerberos;
        this.ntlm = ntlm;
    }

    @Override
    public AuthnService service() {
        return AuthnService.GSS_NEGOTIATE;
    }

    @Override
    public ClientSecurityContext newClientContext(ClientContextRequest request) throws SecurityContextException {
        return new SpnegoClientContext(kerberos, ntlm, request);
    }

    @Override
    public ServerSecurityContext newServerContext(ServerContextRequest request) throws SecurityContextException {
        return new SpnegoServerContext(kerberos, ntlm, request);
    }
}
