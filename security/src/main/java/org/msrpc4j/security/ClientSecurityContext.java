package org.msrpc4j.security;

/**
 * The client side of a security context (InitializeSecurityContext). See {@link SecurityContext}
 * for thread safety.
 */
public interface ClientSecurityContext extends SecurityContext {

  /**
   * Runs one step of the handshake.
   *
   * @param inputToken {@code null} for the first step, then the token the server returned in
   *     bind_ack or alter_context_resp
   * @return the token to send and whether the context is complete
   * @throws SecurityContextException when the server's token is malformed, the server cannot be
   *     authenticated, or the credentials cannot be used
   */
  ContextStep initialize(byte[] inputToken) throws SecurityContextException;
}
