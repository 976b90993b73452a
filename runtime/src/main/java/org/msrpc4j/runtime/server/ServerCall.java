package org.msrpc4j.runtime.server;

import java.net.SocketAddress;
import java.util.UUID;
import org.msrpc4j.authz.Token;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.auth.AuthClientInfo;
import org.msrpc4j.runtime.auth.ThreadIdentity;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.ServerContextHandles;
import org.msrpc4j.runtime.SyntaxId;

/**
 * The {@link RpcCall} of one executing call. Immutable except for the cancel flag, which the
 * connection sets from its event loop and the handler polls from its thread. The security context
 * is established before the call starts and no longer changes, so the security queries are safe
 * from the handler's thread.
 */
final class ServerCall implements RpcCall {
  private final SocketAddress client;
  private final SocketAddress local;
  private final InterfaceId iface;
  private final int opnum;
  private final int callId;
  private final int contextId;
  private final UUID object;
  private final SyntaxId transferSyntax;
  private final ServerContextHandles handles;
  private volatile boolean cancelled;
  /** The security context of the call, or null when unauthenticated. */
  private final ServerAuthContext auth;

  ServerCall(SocketAddress client, SocketAddress local, InterfaceId iface, int opnum, int callId,
      int contextId, UUID object, SyntaxId transferSyntax, ServerContextHandles handles) {
    this(client, local, iface, opnum, callId, contextId, object, transferSyntax, handles, null);
  }

  ServerCall(SocketAddress client, SocketAddress local, InterfaceId iface, int opnum, int callId,
      int contextId, UUID object, SyntaxId transferSyntax, ServerContextHandles handles, ServerAuthContext auth) {
    this.auth = auth;
    this.client = client;
    this.local = local;
    this.iface = iface;
    this.opnum = opnum;
    this.callId = callId;
    this.contextId = contextId;
    this.object = object;
    this.transferSyntax = transferSyntax;
    this.handles = handles;
  }

  @Override public SocketAddress clientAddress() { return client; }
  @Override public SocketAddress localAddress() { return local; }
  @Override public InterfaceId interfaceId() { return iface; }
  @Override public int opnum() { return opnum; }
  @Override public int callId() { return callId; }
  @Override public UUID objectUuid() { return object; }
  @Override public SyntaxId transferSyntax() { return transferSyntax; }
  @Override public ServerContextHandles contextHandles() { return handles; }
  @Override public boolean isCancelled() { return cancelled; }

  @Override
  public int authLevel() {
    return auth == null ? AuthnLevel.NONE.value() : auth.level().value();
  }

  @Override
  public AuthClientInfo inqAuthClient() throws RpcException {
    if (auth == null) {
      return RpcCall.super.inqAuthClient();
    }
    return auth.info();
  }

  @Override
  public ThreadIdentity.Impersonation impersonateClient() throws RpcException {
    if (auth == null) {
      return RpcCall.super.impersonateClient();
    }
    return ThreadIdentity.impersonate(auth.caller());
  }

  @Override
  public Token authorizationContext() throws RpcException {
    if (auth == null) {
      return RpcCall.super.authorizationContext();
    }
    return auth.token();
  }

  /** The call's security context, or null. */
  ServerAuthContext auth() {
    return auth;
  }

  int contextId() {
    return contextId;
  }

  void cancel() {
    cancelled = true;
  }
}
