package org.msrpc4j.runtime.server;

import java.util.HashMap;
import java.util.Map;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.pdu.AuthVerifier;
import org.msrpc4j.runtime.pdu.BindNakPdu;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.ServerContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security contexts of one server connection ([MS-RPCE] 3.3.1.5): runs the handshake legs that
 * arrive in bind, alter_context and auth3, and tells which context (by auth_context_id) protects
 * each request. Several contexts may coexist (security-context multiplexing); a new one starts
 * with an alter_context naming a new auth_context_id.
 *
 * <p>Confined to the connection's event loop.
 */
final class ServerAuthContexts {
  private static final Logger LOG = LoggerFactory.getLogger(ServerAuthContexts.class);
  /** Far more than any client uses; bounds what a peer can make us keep. */
  static final int MAX_CONTEXTS = 16;

  private final ServerAuthPolicy policy;
  private final Map<Integer, ServerAuthContext> byId = new HashMap<>();
  /** The first context; requests without a verifier belong to it when it is at CONNECT level. */
  private ServerAuthContext primary;

  /** A bind or alter_context leg that cannot go on. */
  static final class LegFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final int nakReason;

    LegFailure(int nakReason, String message) {
      super(message, null, false, false);
      this.nakReason = nakReason;
    }
  }

  ServerAuthContexts(ServerAuthPolicy policy) {
    this.policy = policy;
  }

  /**
   * Runs the leg carried by a bind or alter_context.
   *
   * @param headerSignRequested PFC_SUPPORT_HEADER_SIGN was set by the client
   * @return the verifier for bind_ack / alter_context_resp, or null when there is no token to return
   */
  AuthVerifier onBindLeg(AuthVerifier v, boolean headerSignRequested) throws LegFailure {
    ServerAuthContext c = byId.get(v.contextId());
    if (c == null) {
      c = start(v);
    } else if (c.established() || c.failed()) {
      throw new LegFailure(BindNakPdu.REASON_NOT_SPECIFIED, "auth context " + v.contextId() + " is already established");
    } else if (c.service().wireValue() != v.authType() || level(v) != c.level()) {
      throw new LegFailure(BindNakPdu.REASON_NOT_SPECIFIED, "auth type or level changed during the handshake");
    }
    c.headerSigning(headerSignRequested);
    ContextStep step;
    try {
      step = c.security().accept(v.token());
    } catch (SecurityContextException e) {
      c.fail();
      LOG.info("authentication failed in a bind leg ({}): {}", e.status(), e.getMessage());
      throw new LegFailure(BindNakPdu.REASON_INVALID_CHECKSUM, "authentication failed");
    }
    if (step.isComplete()) {
      c.establish();
    }
    return step.hasToken() ? new AuthVerifier(v.authType(), v.authLevel(), 0, v.contextId(), step.token()) : null;
  }

  private ServerAuthContext start(AuthVerifier v) throws LegFailure {
    if (byId.size() >= MAX_CONTEXTS) {
      throw new LegFailure(BindNakPdu.REASON_LOCAL_LIMIT_EXCEEDED, "too many auth contexts on one connection");
    }
    AuthnService service;
    try {
      service = AuthnService.fromWire(v.authType());
    } catch (IllegalArgumentException e) {
      throw new LegFailure(BindNakPdu.REASON_INVALID_AUTH_TYPE, "unknown auth type " + v.authType());
    }
    SecurityProvider provider = policy.providers().find(service).orElse(null);
    if (provider == null || service == AuthnService.NONE) {
      throw new LegFailure(BindNakPdu.REASON_INVALID_AUTH_TYPE, "no provider for auth type " + v.authType());
    }
    AuthnLevel level = level(v);
    if (level == null) {
      throw new LegFailure(BindNakPdu.REASON_NOT_SPECIFIED, "bad auth level " + v.authLevel());
    }
    ServerAuthContext c;
    try {
      c = new ServerAuthContext(v.contextId(), service, level, provider.newServerContext(new ServerContextRequest(level)));
    } catch (SecurityContextException e) {
      throw new LegFailure(BindNakPdu.REASON_INVALID_AUTH_TYPE, "cannot accept " + service + ": " + e.getMessage());
    }
    byId.put(v.contextId(), c);
    if (primary == null) {
      primary = c;
    }
    return c;
  }

  /** The level of a sec_trailer, CALL taken as PKT; null when not 2..6. */
  private static AuthnLevel level(AuthVerifier v) {
    if (v.authLevel() < AuthnLevel.CONNECT.value() || v.authLevel() > AuthnLevel.PKT_PRIVACY.value()) {
      return null;
    }
    return AuthnLevel.fromValue(v.authLevel()).effectiveForConnectionOriented();
  }

  /** The third leg (auth3). A failure is remembered: the next request on the context is refused. */
  void onAuth3(AuthVerifier v) {
    ServerAuthContext c = byId.get(v.contextId());
    if (c == null || c.established() || c.failed()) {
      LOG.info("auth3 for auth context {} which is not in a handshake; ignored", v.contextId());
      if (c != null && !c.established()) {
        c.fail();
      }
      return;
    }
    try {
      ContextStep step = c.security().accept(v.token());
      if (step.isComplete()) {
        c.establish();
      } else {
        c.fail();
        LOG.info("auth3 did not complete auth context {}", v.contextId());
      }
    } catch (SecurityContextException e) {
      c.fail();
      LOG.info("authentication failed ({}): {}", e.status(), e.getMessage());
    }
  }

  /**
   * The context protecting a request fragment with verifier {@code v} (null = none).
   *
   * @return the context, or null for an unauthenticated request
   * @throws RpcException ERROR_ACCESS_DENIED when the verifier names no usable context or does not
   *     match it, or when an unprotected request arrives on a connection that protects each PDU
   */
  ServerAuthContext forRequest(AuthVerifier v) throws RpcException {
    if (v == null) {
      if (primary == null) {
        return null;
      }
      if (primary.failed() || !primary.established()) {
        throw new RpcException(RpcStatus.ERROR_ACCESS_DENIED, "authentication did not complete");
      }
      if (primary.level().protectsEachPdu()) {
        throw new RpcException(RpcStatus.ERROR_ACCESS_DENIED, "request without a verifier on a protected connection");
      }
      return primary;
    }
    ServerAuthContext c = byId.get(v.contextId());
    if (c == null || c.failed() || !c.established()) {
      throw new RpcException(RpcStatus.ERROR_ACCESS_DENIED, c == null || !c.failed()
          ? "request names auth context " + v.contextId() + " which is not established" : "authentication failed");
    }
    if (v.authType() != c.service().wireValue() || level(v) != c.level()) {
      throw new RpcException(RpcStatus.ERROR_ACCESS_DENIED, "request auth type/level differ from its context");
    }
    return c;
  }
}
