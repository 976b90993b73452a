package org.msrpc4j.runtime;

import org.msrpc4j.runtime.pdu.FragmentLayout;

/**
 * The security hook of one association (one auth context): signs/seals outgoing request or
 * response fragments and verifies/unseals incoming ones, in place, on the encoded fragment.
 *
 * <p>The runtime encodes a fragment with a sec_trailer ({@link #authType()}, {@link #authLevel()},
 * {@link #contextId()}), the 16-byte auth padding and a zero token of {@link #tokenLength()} bytes,
 * with final frag_length/auth_length already written (they may be covered by the signature);
 * then it calls {@link #protect}, which seals the data range and writes the token. On receipt
 * {@link #unprotect} verifies the token and unseals the data before the runtime decodes the stub.
 * Each call consumes one sequence number, in the order fragments go on the wire.
 *
 * <p>The security module's provider will implement this (adapter written when it exists); until
 * then no association has a protection and calls are unauthenticated (level NONE).
 * Implementations need not be thread-safe: the runtime serializes calls per association.
 */
public interface PduProtection {
  /** auth_type for the sec_trailer (e.g. 10 NTLM, 9 SPNEGO, 16 Kerberos). */
  int authType();

  /** auth_level for the sec_trailer (2..6). */
  int authLevel();

  /** auth_context_id for the sec_trailer. */
  int contextId();

  /** The size of the token the next {@link #protect} writes. */
  int tokenLength();

  /** True when header signing was negotiated (PFC_SUPPORT_HEADER_SIGN echoed in bind_ack). */
  boolean headerSigning();

  /** Signs (and at privacy seals) {@code frame} in place. */
  void protect(byte[] frame, FragmentLayout layout) throws RpcException;

  /** Verifies (and at privacy unseals) {@code frame} in place. */
  void unprotect(byte[] frame, FragmentLayout layout) throws RpcException;
}
