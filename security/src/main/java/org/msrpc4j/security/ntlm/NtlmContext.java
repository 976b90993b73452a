package org.msrpc4j.security.ntlm;

import java.util.List;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * What NTLM client and server contexts share once established: negotiated flags, the exported
 * session key and the two directions of session security. Handshake state is guarded by the
 * subclasses' single-threaded use; the published fields are volatile so that per-message calls on
 * other threads see the established state.
 */
abstract class NtlmContext implements SecurityContext {
  private final boolean isClient;
  private volatile boolean established;
  private volatile int flags;
  private volatile byte[] exportedSessionKey;
  private volatile NtlmSessionSecurity outbound;
  private volatile NtlmSessionSecurity inbound;
  private volatile boolean anonymous;
  private volatile ImpersonationLevel impersonationLevel = ImpersonationLevel.IMPERSONATE;

  NtlmContext(boolean isClient) {
    this.isClient = isClient;
  }

  /** Derives the per-direction keys and marks the context established. */
  final void establish(int negotiatedFlags, byte[] exportedKey, boolean isAnonymous, ImpersonationLevel level) {
    if ((negotiatedFlags & NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY) != 0) {
      boolean keyExchange = (negotiatedFlags & NtlmFlags.NEGOTIATE_KEY_EXCH) != 0;
      NtlmSessionSecurity clientToServer =
          new NtlmSealingState(
              NtlmCrypto.signKey(exportedKey, true),
              NtlmCrypto.sealKey(exportedKey, negotiatedFlags, true),
              keyExchange);
      NtlmSessionSecurity serverToClient =
          new NtlmSealingState(
              NtlmCrypto.signKey(exportedKey, false),
              NtlmCrypto.sealKey(exportedKey, negotiatedFlags, false),
              keyExchange);
      this.outbound = isClient ? clientToServer : serverToClient;
      this.inbound = isClient ? serverToClient : clientToServer;
    } else if (isAnonymous) {
      // A null session whose client dropped ESS: the shared legacy scheme, keyed with the full
      // exported key ([MS-NLMP] 3.4.5.3, no LM_KEY / DATAGRAM negotiated).
      NtlmSessionSecurity shared = new NtlmLegacySessionSecurity(exportedKey);
      this.outbound = shared;
      this.inbound = shared;
    }
    this.flags = negotiatedFlags;
    this.exportedSessionKey = exportedKey.clone();
    this.anonymous = isAnonymous;
    this.impersonationLevel = level;
    this.established = true;
  }

  @Override
  public final AuthnService authnService() {
    return AuthnService.WINNT;
  }

  @Override
  public final boolean isEstablished() {
    return established;
  }

  @Override
  public final boolean isAnonymous() {
    return anonymous;
  }

  @Override
  public final byte[] sessionKey() throws SecurityContextException {
    requireEstablished();
    return exportedSessionKey.clone();
  }

  @Override
  public final long negotiatedFlags() {
    return Integer.toUnsignedLong(flags);
  }

  @Override
  public final ImpersonationLevel impersonationLevel() {
    return impersonationLevel;
  }

  @Override
  public final boolean canSign() {
    // Without ESS only null sessions get (the legacy) session security; see establish().
    return established
        && outbound != null
        && (flags & (NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL)) != 0;
  }

  @Override
  public final boolean canSeal() {
    return canSign() && (flags & NtlmFlags.NEGOTIATE_SEAL) != 0;
  }

  @Override
  public final int signatureSize() {
    return NtlmSealingState.SIGNATURE_SIZE;
  }

  @Override
  public final int sealTokenSize() {
    return NtlmSealingState.SIGNATURE_SIZE;
  }

  @Override
  public final int sign(List<MessageSegment> segments) throws SecurityContextException {
    requireSign();
    return outbound.protect(segments, false);
  }

  @Override
  public final void verify(List<MessageSegment> segments) throws SecurityContextException {
    requireSign();
    inbound.check(segments, false);
  }

  @Override
  public final int seal(List<MessageSegment> segments) throws SecurityContextException {
    requireSeal();
    return outbound.protect(segments, true);
  }

  @Override
  public final void unseal(List<MessageSegment> segments) throws SecurityContextException {
    requireSeal();
    inbound.check(segments, true);
  }

  /**
   * Re-initialises both RC4 handles from the sealing keys and keeps the sequence numbers: what
   * SPNEGO does after the NTLM mechListMIC ([MS-SPNG] 3.1.5.1).
   *
   * @throws SecurityContextException before the context is established
   */
  public final void resetCipherState() throws SecurityContextException {
    requireEstablished();
    outbound.resetRc4();
    inbound.resetRc4();
  }

  final void requireEstablished() throws SecurityContextException {
    if (!established) {
      throw new SecurityContextException(
          SecurityStatus.INVALID_HANDLE, "the NTLM security context is not established yet");
    }
  }

  private void requireSign() throws SecurityContextException {
    requireEstablished();
    if (!canSign()) {
      throw new SecurityContextException(
          SecurityStatus.QOP_NOT_SUPPORTED, "signing was not negotiated on this NTLM context");
    }
  }

  private void requireSeal() throws SecurityContextException {
    requireEstablished();
    if (!canSeal()) {
      throw new SecurityContextException(
          SecurityStatus.QOP_NOT_SUPPORTED, "sealing was not negotiated on this NTLM context");
    }
  }
}
