package org.msrpc4j.security;

/**
 * A security package (NTLM, Kerberos, Negotiate): the factory of client and server contexts for
 * one {@link AuthnService}. Server credentials (an account store, a keytab) are given to the
 * provider when it is constructed. Implementations must be thread-safe; the contexts they create
 * are not shared between associations.
 */
public interface SecurityProvider {

  /** The service this provider implements (its auth_type). */
  AuthnService service();

  /**
   * Acquires client credentials and creates a client context.
   *
   * @throws SecurityContextException {@link SecurityStatus#UNKNOWN_CREDENTIALS} when the identity
   *     type cannot be used by this provider, {@link SecurityStatus#UNSUPPORTED_FUNCTION} when the
   *     provider has no client side
   */
  ClientSecurityContext newClientContext(ClientContextRequest request)
      throws SecurityContextException;

  /**
   * Creates a server context using the provider's server credentials.
   *
   * @throws SecurityContextException {@link SecurityStatus#UNSUPPORTED_FUNCTION} when the provider
   *     was built without server credentials
   */
  ServerSecurityContext newServerContext(ServerContextRequest request)
      throws SecurityContextException;
}
