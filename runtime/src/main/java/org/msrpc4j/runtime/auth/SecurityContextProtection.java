package org.msrpc4j.runtime.auth;

import java.util.List;
import java.util.Objects;
import org.msrpc4j.runtime.PduProtection;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.pdu.FragmentLayout;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContext;
import org.msrpc4j.security.SecurityContextException;

/**
 * The {@link PduProtection} of one established security context: maps a request, response or
 * fault fragment onto the provider's segments ([MS-RPCE] 2.2.2.12) and signs or seals it.
 *
 * <p>Segments, in wire order: everything before the stub (the common header plus
 * alloc_hint/p_cont_id/opnum and the object UUID, as Samba counts the "header") and the
 * sec_trailer are SIGN_ONLY when header signing was negotiated, READ_ONLY otherwise; stub and auth
 * padding are DATA; the token is TOKEN. At PKT and PKT_INTEGRITY the provider signs, at PKT_PRIVACY
 * it seals.
 *
 * <p>Not thread-safe: the runtime protects in wire order and unprotects in receive order, one
 * fragment at a time, which is also the order of the provider's sequence numbers.
 */
public final class SecurityContextProtection implements PduProtection {
  private final SecurityContext context;
  private final int authType;
  private final AuthnLevel level;
  private final int contextId;
  private final boolean headerSigning;

  /**
   * @param context an established security context
   * @param authType the sec_trailer auth_type
   * @param level the effective level (PKT, PKT_INTEGRITY or PKT_PRIVACY; CONNECT protects nothing)
   * @param contextId the auth_context_id
   * @param headerSigning whether PFC_SUPPORT_HEADER_SIGN was negotiated
   */
  public SecurityContextProtection(SecurityContext context, int authType, AuthnLevel level, int contextId,
      boolean headerSigning) {
    this.context = Objects.requireNonNull(context, "context");
    this.authType = authType;
    this.level = level.effectiveForConnectionOriented();
    this.contextId = contextId;
    this.headerSigning = headerSigning;
  }

  @Override
  public int authType() {
    return authType;
  }

  @Override
  public int authLevel() {
    return level.value();
  }

  @Override
  public int contextId() {
    return contextId;
  }

  /** The level as the enum. */
  public AuthnLevel level() {
    return level;
  }

  /** True when the level asks for a verifier on every request and response. */
  public boolean protectsEachPdu() {
    return level.protectsEachPdu();
  }

  @Override
  public int tokenLength() {
    if (!level.protectsEachPdu()) {
      return 0;
    }
    return level.isPrivacy() ? context.sealTokenSize() : context.signatureSize();
  }

  @Override
  public boolean headerSigning() {
    return headerSigning;
  }

  @Override
  public void protect(byte[] frame, FragmentLayout layout) throws RpcException {
    if (!level.protectsEachPdu()) {
      return;
    }
    try {
      if (level.isPrivacy()) {
        context.seal(segments(frame, layout));
      } else {
        context.sign(segments(frame, layout));
      }
    } catch (SecurityContextException e) {
      throw new RpcException(RpcStatus.RPC_S_SEC_PKG_ERROR, "cannot protect the PDU: " + e.getMessage(), e);
    }
  }

  @Override
  public void unprotect(byte[] frame, FragmentLayout layout) throws RpcException {
    if (!level.protectsEachPdu()) {
      return;
    }
    try {
      if (level.isPrivacy()) {
        context.unseal(segments(frame, layout));
      } else {
        context.verify(segments(frame, layout));
      }
    } catch (SecurityContextException e) {
      // The detail (which check failed) goes to the message, never key material.
      throw new RpcException(RpcStatus.RPC_S_SEC_PKG_ERROR, "the PDU failed verification: " + e.getMessage(), e);
    }
  }

  private List<MessageSegment> segments(byte[] frame, FragmentLayout l) {
    int dataLength = l.trailerOffset() - l.stubOffset();
    MessageSegment header = headerSigning
        ? MessageSegment.signOnly(frame, 0, l.stubOffset())
        : MessageSegment.readOnly(frame, 0, l.stubOffset());
    MessageSegment trailer = headerSigning
        ? MessageSegment.signOnly(frame, l.trailerOffset(), l.tokenOffset() - l.trailerOffset())
        : MessageSegment.readOnly(frame, l.trailerOffset(), l.tokenOffset() - l.trailerOffset());
    return List.of(header, MessageSegment.data(frame, l.stubOffset(), dataLength), trailer,
        MessageSegment.token(frame, l.tokenOffset(), l.tokenLength()));
  }
}
