package org.msrpc4j.security;

/**
 * What a provider does with one segment of a PDU in the per-message operations (the SSPI buffer
 * types). Thread-safe.
 */
public enum SegmentKind {
  /** Stub data (plus auth padding): signed, and encrypted in place when sealing. */
  DATA,
  /**
   * Bytes covered by the signature and never encrypted: the PDU header and sec_trailer when DCE
   * header signing was negotiated ({@code SECBUFFER_READONLY_WITH_CHECKSUM}).
   */
  SIGN_ONLY,
  /**
   * The PDU header and sec_trailer when header signing was not negotiated ({@code
   * SECBUFFER_READONLY}): never encrypted; providers whose wire format always covers the whole PDU
   * (NTLM, whose signature is over the whole PDU at every level) sign it, GSS providers (Kerberos)
   * leave it out of the checksum.
   */
  READ_ONLY,
  /** The auth token (signature or wrap token): written by sign/seal, read by verify/unseal. */
  TOKEN
}
