package org.msrpc4j.runtime;

import java.net.SocketAddress;
import java.util.UUID;
import org.msrpc4j.authz.Token;
import org.msrpc4j.runtime.auth.AuthClientInfo;
import org.msrpc4j.runtime.auth.ThreadIdentity;

/**
 * The server-side context of the call being dispatched, handed to {@link RpcInterfaceHandler}.
 * Valid for the duration of the dispatch only.
 *
 * <p>Security: {@link #authLevel()}, {@link #inqAuthClient()}, {@link #impersonateClient()} and
 * {@link #authorizationContext()} describe the caller of an authenticated call; on an
 * unauthenticated call the last three fail with RPC_S_BINDING_HAS_NO_AUTH /
 * RPC_S_NO_CONTEXT_AVAILABLE.
 *
 * <p>Implementations are safe to use from the dispatching thread; {@link #isCancelled()} may be
 * polled from any thread.
 */
public interface RpcCall {
  /** The peer's address (IP and port). */
  SocketAddress clientAddress();

  /** The server's local address the call came in on. */
  SocketAddress localAddress();

  /** The interface as the client bound it (its requested version). */
  InterfaceId interfaceId();

  /** The operation number. */
  int opnum();

  /** The call id on the connection. */
  int callId();

  /** The object UUID of the request, or null when none was sent. */
  UUID objectUuid();

  /** The negotiated transfer syntax for this call's stub. */
  SyntaxId transferSyntax();

  /** The context-handle table of the caller's association group. */
  ServerContextHandles contextHandles();

  /** True once the client has cancelled the call (co_cancel or orphaned) or the connection is gone. */
  boolean isCancelled();

  /**
   * The effective authentication level of the call (RPC_C_AUTHN_LEVEL_*): 1 (NONE) for an
   * unauthenticated call; CALL is reported as PKT, as connection-oriented transports upgrade it.
   */
  default int authLevel() {
    return 1;
  }

  /**
   * RpcBindingInqAuthClient: the caller's principal ({@code DOMAIN\\user}), the server principal,
   * level, authentication and authorization service.
   *
   * @throws RpcException RPC_S_BINDING_HAS_NO_AUTH (1746) when the call is not authenticated
   */
  default AuthClientInfo inqAuthClient() throws RpcException {
    throw new RpcException(RpcStatus.RPC_S_BINDING_HAS_NO_AUTH, "the call is not authenticated");
  }

  /**
   * RpcImpersonateClient: binds the caller's identity to the current thread (see
   * {@link ThreadIdentity}) until the result is closed (RpcRevertToSelf), which restores the identity
   * bound before; nesting is safe. Use with try-with-resources on the handler's thread.
   *
   * @throws RpcException RPC_S_NO_CONTEXT_AVAILABLE (1765) when the call is not authenticated
   */
  default ThreadIdentity.Impersonation impersonateClient() throws RpcException {
    throw new RpcException(RpcStatus.RPC_S_NO_CONTEXT_AVAILABLE, "the call is not authenticated");
  }

  /**
   * The caller's authorization context (RpcGetAuthorizationContextForClient): user SID, groups
   * (with Everyone, Authenticated Users and the account's groups), privileges and names.
   *
   * @throws RpcException RPC_S_NO_CONTEXT_AVAILABLE (1765) when the call is not authenticated
   */
  default Token authorizationContext() throws RpcException {
    throw new RpcException(RpcStatus.RPC_S_NO_CONTEXT_AVAILABLE, "the call is not authenticated");
  }
}
