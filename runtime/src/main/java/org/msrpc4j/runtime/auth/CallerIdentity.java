package org.msrpc4j.runtime.auth;

import java.util.Objects;
import java.util.Optional;
import org.msrpc4j.authz.Token;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ImpersonationLevel;

/**
 * The identity of an authenticated caller, as bound to a thread by {@code call.impersonateClient()}.
 * Immutable.
 *
 * @param principal the caller as {@code DOMAIN\\user} (empty when anonymous)
 * @param token the caller's access token (authorization context)
 * @param level the impersonation level the client granted
 * @param delegated credentials the client delegated (Kerberos), used for outgoing calls made while
 *     impersonating; empty when there are none
 */
public record CallerIdentity(String principal, Token token, ImpersonationLevel level, Optional<ClientIdentity> delegated) {
  public CallerIdentity {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(delegated, "delegated");
  }
}
