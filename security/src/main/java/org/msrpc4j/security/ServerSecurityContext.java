package org.msrpc4j.security;

import java.util.Optional;
import org.msrpc4j.authz.Token;

/**
 * The server side of a security context (AcceptSecurityContext). Once established it knows who the
 * caller is. See {@link SecurityContext} for thread safety.
 */
public interface ServerSecurityContext extends SecurityContext {

  /**
   * Runs one step of the handshake.
   *
   * @param inputToken the client's token from bind, alter_context or auth3
   * @return the token to return (in bind_ack / alter_context_resp) and whether the context is
   *     complete
   * @throws SecurityContextException {@link SecurityStatus#LOGON_DENIED} when the client cannot be
   *     authenticated, {@link SecurityStatus#INVALID_TOKEN} for a malformed token
   */
  ContextStep accept(byte[] inputToken) throws SecurityContextException;

  /**
   * The caller's access token (authorization context): user SID, groups (with Everyone,
   * Authenticated Users, NETWORK, and the account's groups), names. For an anonymous caller this is
   * {@link Token#anonymous()}.
   *
   * @throws SecurityContextException {@link SecurityStatus#INVALID_HANDLE} before completion
   */
  Token callerToken() throws SecurityContextException;

  /** The server's own principal name as the client addressed it (e.g. the SPN), or empty. */
  String serverPrincipal();

  /**
   * The identity the client delegated (Kerberos with delegation), for outgoing calls made while
   * impersonating; empty when there is none.
   */
  default Optional<ClientIdentity> delegatedIdentity() {
    return Optional.empty();
  }
}
