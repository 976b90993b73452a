package org.msrpc4j.runtime.server;

import org.msrpc4j.authz.Token;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.auth.AuthClientInfo;
import org.msrpc4j.runtime.auth.CallerIdentity;
import org.msrpc4j.runtime.auth.SecurityContextProtection;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.ServerSecurityContext;

/**
 * One security context of a connection, named by its auth_context_id: the provider's server
 * context, the level and service the client chose, and the handshake state.
 *
 * <p>Handshake state is confined to the connection's event loop; once {@link #established()} the
 * context's identity (principal, token) is read by executor threads, which is safe because it no
 * longer changes.
 */
final class ServerAuthContext {
  private final int contextId;
  private final AuthnService service;
  private final AuthnLevel level;
  private final ServerSecurityContext security;
  private volatile boolean established;
  private volatile boolean failed;
  private boolean headerSigning;
  private SecurityContextProtection protection;
  private volatile AuthClientInfo info;

  ServerAuthContext(int contextId, AuthnService service, AuthnLevel level, ServerSecurityContext security) {
    this.contextId = contextId;
    this.service = service;
    this.level = level.effectiveForConnectionOriented();
    this.security = security;
  }

  int contextId() {
    return contextId;
  }

  AuthnService service() {
    return service;
  }

  AuthnLevel level() {
    return level;
  }

  ServerSecurityContext security() {
    return security;
  }

  boolean established() {
    return established;
  }

  boolean failed() {
    return failed;
  }

  void fail() {
    failed = true;
  }

  /** Records a leg's PFC_SUPPORT_HEADER_SIGN; sticky, since clients set it on the bind only (Samba). */
  void headerSigning(boolean requested) {
    headerSigning |= requested;
  }

  boolean headerSigning() {
    return headerSigning;
  }

  void establish() {
    protection = new SecurityContextProtection(security, service.wireValue(), level, contextId, headerSigning);
    established = true;
  }

  /** The per-PDU protection; only once established. */
  SecurityContextProtection protection() {
    return protection;
  }

  AuthClientInfo info() {
    // Asked on every call (ServerCall.authInfo): once established the identity no longer changes,
    // so build it once (a benign race between executor threads builds equal values).
    AuthClientInfo i = info;
    if (i == null) {
      i = buildInfo();
      if (established) {
        info = i;
      }
    }
    return i;
  }

  private AuthClientInfo buildInfo() {
    String server = security.serverPrincipal();
    return new AuthClientInfo(security.peerPrincipal() == null ? "" : security.peerPrincipal(),
        server == null ? "" : server, level, service,
        service == AuthnService.WINNT ? AuthzService.NAME : AuthzService.DCE);
  }

  Token token() throws RpcException {
    try {
      return security.callerToken();
    } catch (SecurityContextException e) {
      throw new RpcException(RpcStatus.RPC_S_NO_CONTEXT_AVAILABLE, "the caller's token is not available: " + e.getMessage());
    }
  }

  CallerIdentity caller() throws RpcException {
    return new CallerIdentity(security.peerPrincipal() == null ? "" : security.peerPrincipal(), token(),
        security.impersonationLevel(), security.delegatedIdentity());
  }
}
