package org.msrpc4j.kerberos.gss;

import org.msrpc4j.authz.Token;
import org.msrpc4j.security.SecurityContextException;

/**
 * Turns an authenticated Kerberos caller into its access token: from the PAC when the ticket has
 * one (Active Directory, Samba), else from an account store (embedded KDC). Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface CallerTokenSource {
    /**
     * @param caller the caller
     * @return its token
     * @throws SecurityContextException LOGON_DENIED when the caller has no account or the PAC is bad
     */
    Token tokenFor(KerberosCaller caller) throws SecurityContextException;
}
