package org.msrpc4j.security;

import java.util.List;

/**
 * An SSPI-style security context: the state one side holds for one authenticated association
 * (or one auth_context_id when security contexts are multiplexed), its attributes, and the
 * per-message operations that protect PDUs.
 *
 * <h2>Per-message operations</h2>
 *
 * Each takes the segments of one PDU in wire order: typically {@code [header SIGN_ONLY or
 * READ_ONLY][stub+pad DATA][sec_trailer SIGN_ONLY or READ_ONLY][TOKEN]}. Sealing encrypts the
 * DATA segments in place (same length) and writes the token into the TOKEN segment, so the runtime
 * can build a PDU in one array with room for the token and never copy it. Exactly one TOKEN
 * segment must be present. Before signing, the runtime must have written the final frag_length and
 * auth_length into the header, because the header may be covered.
 *
 * <h2>Thread safety</h2>
 *
 * The handshake ({@code initialize}/{@code accept}) must be driven by one thread at a time.
 * Per-message operations are safe to call from several threads (each direction is guarded), but
 * each direction carries sequence numbers and cipher state: the runtime must sign/seal PDUs in the
 * order it writes them to the wire and verify/unseal them in the order it receives them.
 */
public interface SecurityContext {

  /** The authentication service of this context. */
  AuthnService authnService();

  /** True once the handshake has completed on this side. */
  boolean isEstablished();

  /**
   * The peer's principal: on a server the client as {@code DOMAIN\\user} (empty user parts for an
   * anonymous client); on a client the target name it authenticated to (the SPN), or empty.
   */
  String peerPrincipal();

  /** True when the authenticated identity is anonymous (a null session). */
  boolean isAnonymous();

  /**
   * The session key (the exported session key for NTLM, the session subkey for Kerberos): a copy.
   *
   * @throws SecurityContextException with {@link SecurityStatus#INVALID_HANDLE} before completion
   */
  byte[] sessionKey() throws SecurityContextException;

  /** The provider-specific negotiated flags (NTLM NegotiateFlags; GSS context flags for Kerberos). */
  long negotiatedFlags();

  /** The impersonation level granted by the client. */
  ImpersonationLevel impersonationLevel();

  /** True when the negotiated context can sign messages. */
  boolean canSign();

  /** True when the negotiated context can seal (encrypt) messages. */
  boolean canSeal();

  /** The length of the token {@link #sign} writes and {@link #verify} expects. */
  int signatureSize();

  /** The length of the token {@link #seal} writes and {@link #unseal} expects. */
  int sealTokenSize();

  /**
   * Signs the segments (MakeSignature) and writes the token into the TOKEN segment.
   *
   * @return the number of token bytes written (the auth_length)
   * @throws SecurityContextException if not established, signing was not negotiated, or the
   *     TOKEN segment is missing or too small
   */
  int sign(List<MessageSegment> segments) throws SecurityContextException;

  /**
   * Verifies the token in the TOKEN segment over the other segments (VerifySignature).
   *
   * @throws SecurityContextException {@link SecurityStatus#MESSAGE_ALTERED} for a bad signature,
   *     {@link SecurityStatus#OUT_OF_SEQUENCE} for a replayed or reordered message
   */
  void verify(List<MessageSegment> segments) throws SecurityContextException;

  /**
   * Encrypts the DATA segments in place and writes the token (EncryptMessage).
   *
   * @return the number of token bytes written
   */
  int seal(List<MessageSegment> segments) throws SecurityContextException;

  /**
   * Decrypts the DATA segments in place and verifies the token (DecryptMessage). When it throws,
   * the DATA segments hold undefined bytes and must not be used.
   */
  void unseal(List<MessageSegment> segments) throws SecurityContextException;
}
