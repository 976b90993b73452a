package org.msrpc4j.security;

import java.util.List;
import java.util.Optional;

/**
 * Finds "the current thread's credentials" when a client passes a {@code null} identity.
 *
 * <p>Pluggable so that each part contributes what it knows: {@link SubjectCredentialsResolver}
 * reads the JAAS {@code Subject} of the current thread, the runtime binds an impersonated caller's
 * identity to its thread, and the Kerberos provider falls back to the default credential cache.
 * Chain them with {@link #firstOf(List)}. With {@link IdentityTracking#DYNAMIC} the runtime calls
 * the resolver for every call; with STATIC once. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CurrentCredentialsResolver {

  /**
   * The identity of the current thread, or empty when this resolver has none to offer (the next
   * resolver in a chain is then asked).
   */
  Optional<ClientIdentity> resolve();

  /**
   * Resolves or fails with a clear error.
   *
   * @throws SecurityContextException with {@link SecurityStatus#NO_CREDENTIALS} when none is found
   */
  default ClientIdentity resolveOrThrow() throws SecurityContextException {
    return resolve()
        .orElseThrow(
            () ->
                new SecurityContextException(
                    SecurityStatus.NO_CREDENTIALS,
                    "no credentials for the current thread: give an identity (user and password),"
                        + " run inside Subject.doAs with one, or provide a Kerberos credential"
                        + " cache"));
  }

  /** A resolver that asks each of {@code resolvers} in order and returns the first answer. */
  static CurrentCredentialsResolver firstOf(List<CurrentCredentialsResolver> resolvers) {
    List<CurrentCredentialsResolver> copy = List.copyOf(resolvers);
    return () -> {
      for (CurrentCredentialsResolver r : copy) {
        Optional<ClientIdentity> id = r.resolve();
        if (id.isPresent()) {
          return id;
        }
      }
      return Optional.empty();
    };
  }

  /** A resolver that never finds anything. */
  static CurrentCredentialsResolver none() {
    return Optional::empty;
  }
}
