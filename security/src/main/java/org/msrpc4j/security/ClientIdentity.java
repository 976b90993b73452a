package org.msrpc4j.security;

/**
 * Who a client authenticates as (the Java form of {@code SEC_WINNT_AUTH_IDENTITY}).
 *
 * <p>The built-in forms are {@link PasswordIdentity}, {@link NtHashIdentity} and {@link
 * AnonymousIdentity}; other providers may define their own (for example a Kerberos credential
 * cache). A provider rejects identity types it does not understand with {@link
 * SecurityStatus#UNKNOWN_CREDENTIALS}. "The current thread's credentials" is not an identity: an
 * API that accepts {@code null} resolves it with a {@link CurrentCredentialsResolver}.
 *
 * <p>Implementations must be immutable and thread-safe, and their {@code toString()} must never
 * reveal a secret.
 */
public interface ClientIdentity {

  /** The domain (NetBIOS or DNS name) as the user gave it; empty when none was given. */
  String domain();

  /** The user name; empty for the anonymous identity. */
  String user();

  /** True for the anonymous (null session) identity. */
  default boolean isAnonymous() {
    return false;
  }

  /** A password identity; the password array is copied. */
  static ClientIdentity password(String domain, String user, char[] password) {
    return new PasswordIdentity(domain, user, password);
  }

  /** An identity given by its NT hash (MD4 of the UTF-16LE password); the hash is copied. */
  static ClientIdentity ntHash(String domain, String user, byte[] ntHash) {
    return new NtHashIdentity(domain, user, ntHash);
  }

  /** The anonymous (null session) identity. */
  static ClientIdentity anonymous() {
    return AnonymousIdentity.INSTANCE;
  }
}
