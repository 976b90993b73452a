package org.msrpc4j.runtime.auth;

import java.util.Optional;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.CurrentCredentialsResolver;

/**
 * Resolves "the current thread's credentials" inside {@code call.impersonateClient()}: the
 * credentials the impersonated caller delegated, so an outgoing call made while impersonating runs
 * as the caller. Empty outside an impersonation or when nothing was delegated. Stateless;
 * thread-safe.
 */
public final class ImpersonationCredentialsResolver implements CurrentCredentialsResolver {
  @Override
  public Optional<ClientIdentity> resolve() {
    return ThreadIdentity.current().flatMap(CallerIdentity::delegated);
  }
}
