package org.msrpc4j.runtime.client;

import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.auth.ClientAuthInfo;
import org.msrpc4j.runtime.auth.ClientSecurity;
import org.msrpc4j.runtime.auth.SecurityContextProtection;
import org.msrpc4j.runtime.pdu.AuthVerifier;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.SecurityContextException;

/**
 * Drives the client side of one security context over bind / alter_context / auth3 ([MS-RPCE]
 * 3.3.1.5.2): the first token goes in the bind; each answer's token is fed to the provider; a
 * complete step with a token ends in auth3 (NTLM) or a last alter_context (Kerberos, SPNEGO).
 *
 * <p>Not thread-safe: one handshake runs at a time, driven by its connection.
 */
final class ClientAuthHandshake {
  /** What to send after an answer. */
  enum Next { DONE, AUTH3, ALTER_CONTEXT }

  private final ClientAuthInfo info;
  private final AuthnService service;
  private final AuthnLevel level;
  private final int contextId;
  private final ClientSecurityContext context;
  private byte[] pendingToken;
  private boolean complete;

  /**
   * @param info the binding's settings with a concrete identity
   * @throws RpcException when no provider serves the service (1747) or the credentials are unusable
   */
  ClientAuthHandshake(ClientAuthInfo info, ClientSecurity security, int contextId) throws RpcException {
    this.info = info;
    this.service = info.service().resolveDefault();
    this.level = info.effectiveLevel();
    this.contextId = contextId;
    try {
      this.context = security.providers().require(service)
          .newClientContext(new ClientContextRequest(info.identity(), info.spn(), level, info.qos()));
    } catch (SecurityContextException e) {
      throw failure(e);
    }
  }

  /** The verifier for the bind: the provider's first token. */
  AuthVerifier first() throws RpcException {
    try {
      ContextStep step = context.initialize(null);
      complete = step.isComplete();
      return verifier(step.token());
    } catch (SecurityContextException e) {
      throw failure(e);
    }
  }

  /**
   * Feeds the server's answer (bind_ack or alter_context_resp verifier, null if none) to the
   * provider.
   *
   * @return what to send next; {@link #pendingVerifier()} holds its verifier
   */
  Next onAnswer(AuthVerifier answer) throws RpcException {
    if (complete) {
      // The last alter_context's answer: its token (if any) is not needed.
      return Next.DONE;
    }
    if (answer == null || answer.token().length == 0) {
      throw new RpcException(RpcStatus.RPC_S_SEC_PKG_ERROR, "the server answered without an authentication token");
    }
    if (answer.authType() != service.wireValue() || answer.contextId() != contextId) {
      throw new RpcException(RpcStatus.RPC_S_SEC_PKG_ERROR, "the server answered for another auth type or context");
    }
    try {
      ContextStep step = context.initialize(answer.token());
      complete = step.isComplete();
      pendingToken = step.token();
      if (!complete) {
        return Next.ALTER_CONTEXT;
      }
      if (!step.hasToken()) {
        return Next.DONE;
      }
      return service.completesWithAuth3() ? Next.AUTH3 : Next.ALTER_CONTEXT;
    } catch (SecurityContextException e) {
      throw failure(e);
    }
  }

  /** The verifier carrying the token produced by the last {@link #onAnswer}. */
  AuthVerifier pendingVerifier() {
    return verifier(pendingToken);
  }

  /** The protection of the established context. */
  SecurityContextProtection protection(boolean headerSigning) {
    return new SecurityContextProtection(context, service.wireValue(), level, contextId, headerSigning);
  }

  ClientAuthInfo info() {
    return info;
  }

  private AuthVerifier verifier(byte[] token) {
    return new AuthVerifier(service.wireValue(), level.value(), 0, contextId, token);
  }

  private static RpcException failure(SecurityContextException e) {
    return new RpcException(e.rpcStatus(), "authentication failed: " + e.getMessage(), e);
  }
}
