package org.msrpc4j.security;

import java.util.Arrays;
import java.util.Objects;

/**
 * A domain, user name and password. The password is held in a private copy and handed out only as
 * copies. Immutable; thread-safe.
 */
public final class PasswordIdentity implements ClientIdentity {
  private final String domain;
  private final String user;
  private final char[] password;

  /**
   * Creates the identity.
   *
   * @param domain the domain, or empty / null for none
   * @param user the user name, not empty
   * @param password the password (copied)
   */
  public PasswordIdentity(String domain, String user, char[] password) {
    this.domain = domain == null ? "" : domain;
    this.user = Objects.requireNonNull(user, "user");
    if (user.isEmpty()) {
      throw new IllegalArgumentException("user name is empty (use ClientIdentity.anonymous())");
    }
    this.password = Objects.requireNonNull(password, "password").clone();
  }

  @Override
  public String domain() {
    return domain;
  }

  @Override
  public String user() {
    return user;
  }

  /** A copy of the password; the caller should clear it after use. */
  public char[] password() {
    return password.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordIdentity p
        && p.domain.equals(domain)
        && p.user.equals(user)
        && Arrays.equals(p.password, password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, user);
  }

  @Override
  public String toString() {
    return "PasswordIdentity[" + (domain.isEmpty() ? "" : domain + "\\") + user + "]";
  }
}
