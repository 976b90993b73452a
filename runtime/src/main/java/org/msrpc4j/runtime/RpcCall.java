package org.msrpc4j.runtime;

import java.net.SocketAddress;
import java.util.UUID;

/**
 * The server-side context of the call being dispatched, handed to {@link RpcInterfaceHandler}.
 * Valid for the duration of the dispatch only.
 *
 * <p>Extension points for the security issues: {@link #authLevel()}, {@link #inqAuthClient()},
 * {@link #impersonateClient()} and {@link #authorizationContext()} fail with RPC_S_BINDING_HAS_NO_AUTH /
 * RPC_S_NO_CONTEXT_AVAILABLE today (unauthenticated calls) and will be implemented by the runtime
 * once the security module plugs in; handlers can already code against them.
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

  /** The authentication level of the call: 1 (RPC_C_AUTHN_LEVEL_NONE) until security is added. */
  default int authLevel() {
    return 1;
  }

  /**
   * RpcBindingInqAuthClient. Not available on unauthenticated calls.
   *
   * @throws RpcException RPC_S_BINDING_HAS_NO_AUTH (1746) when the call is not authenticated
   */
  default Object inqAuthClient() throws RpcException {
    throw new RpcException(RpcStatus.RPC_S_BINDING_HAS_NO_AUTH, "the call is not authenticated");
  }

  /**
   * RpcImpersonateClient; close the result to revert.
   *
   * @throws RpcException RPC_S_NO_CONTEXT_AVAILABLE (1765) when the call is not authenticated
   */
  default AutoCloseable impersonateClient() throws RpcException {
    throw new RpcException(RpcStatus.RPC_S_NO_CONTEXT_AVAILABLE, "the call is not authenticated");
  }

  /**
   * The caller's authorization context (token). Typed as Object until the authz module defines it.
   *
   * @throws RpcException RPC_S_NO_CONTEXT_AVAILABLE (1765) when the call is not authenticated
   */
  default Object authorizationContext() throws RpcException {
    throw new RpcException(RpcStatus.RPC_S_NO_CONTEXT_AVAILABLE, "the call is not authenticated");
  }
}
