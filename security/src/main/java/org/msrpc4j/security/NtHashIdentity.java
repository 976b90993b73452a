package org.msrpc4j.security;

import java.util.Arrays;
import java.util.Objects;

/**
 * A domain, user name and NT hash (NTOWFv1 = MD4 of the UTF-16LE password), for "pass the hash"
 * use such as {@code --nthash}. Only NTLM can use it. Immutable; thread-safe.
 */
public final class NtHashIdentity implements ClientIdentity {
  private final String domain;
  private final String user;
  private final byte[] ntHash;

  /**
   * Creates the identity.
   *
   * @param domain the domain, or empty / null for none
   * @param user the user name, not empty
   * @param ntHash the 16-byte NT hash (copied)
   */
  public NtHashIdentity(String domain, String user, byte[] ntHash) {
    this.domain = domain == null ? "" : domain;
    this.user = Objects.requireNonNull(user, "user");
    if (user.isEmpty()) {
      throw new IllegalArgumentException("user name is empty");
    }
    Objects.requireNonNull(ntHash, "ntHash");
    if (ntHash.length != 16) {
      throw new IllegalArgumentException("an NT hash is 16 bytes, not " + ntHash.length);
    }
    this.ntHash = ntHash.clone();
  }

  /**
   * Parses a 32-digit hexadecimal NT hash.
   *
   * @throws IllegalArgumentException if the text is not 32 hex digits (the text is not echoed)
   */
  public static NtHashIdentity fromHex(String domain, String user, String hex) {
    return new NtHashIdentity(domain, user, HexDigits.parse16(hex, "NT hash"));
  }

  @Override
  public String domain() {
    return domain;
  }

  @Override
  public String user() {
    return user;
  }

  /** A copy of the NT hash. */
  public byte[] ntHash() {
    return ntHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NtHashIdentity p
        && p.domain.equals(domain)
        && p.user.equals(user)
        && Arrays.equals(p.ntHash, ntHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, user);
  }

  @Override
  public String toString() {
    return "NtHashIdentity[" + (domain.isEmpty() ? "" : domain + "\\") + user + "]";
  }
}
