package org.msrpc4j.security;

import java.security.AccessController;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Resolves the current thread's identity from the JAAS {@link Subject} bound with {@code
 * Subject.doAs}: the first {@link ClientIdentity} among its private, then its public credentials.
 * Stateless; thread-safe.
 */
public final class SubjectCredentialsResolver implements CurrentCredentialsResolver {

  @Override
  @SuppressWarnings("removal") // Subject.current() only exists from Java 18; 17 is our target.
  public Optional<ClientIdentity> resolve() {
    Subject subject = Subject.getSubject(AccessController.getContext());
    if (subject == null) {
      return Optional.empty();
    }
    Optional<ClientIdentity> id = first(subject.getPrivateCredentials(ClientIdentity.class));
    return id.isPresent() ? id : first(subject.getPublicCredentials(ClientIdentity.class));
  }

  private static Optional<ClientIdentity> first(Set<ClientIdentity> set) {
    return set.stream().findFirst();
  }
}
