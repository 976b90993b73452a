package org.msrpc4j.security;

/**
 * Why a security operation failed, with the SSPI status code ({@code SEC_E_*}) and the Windows RPC
 * status the runtime should report for it. Immutable; thread-safe.
 */
public enum SecurityStatus {
  /** The context is not in a state that allows the operation (e.g. sealing before it is established). */
  INVALID_HANDLE(0x80090301, 1825),
  /** The operation is not supported by this provider or was not negotiated (e.g. seal without SEAL). */
  UNSUPPORTED_FUNCTION(0x80090302, 1825),
  /** The target (SPN) is unknown or unusable. */
  TARGET_UNKNOWN(0x80090303, 1825),
  /** An internal provider error. */
  INTERNAL_ERROR(0x80090304, 1766),
  /** A token from the peer is malformed or unexpected. */
  INVALID_TOKEN(0x80090308, 1825),
  /** The requested protection is not available (e.g. sealing was not negotiated). */
  QOP_NOT_SUPPORTED(0x8009030A, 1825),
  /** Authentication failed: unknown user, wrong password, disabled account, replay, bad MIC. */
  LOGON_DENIED(0x8009030C, 5),
  /** The identity is of a type this provider cannot use. */
  UNKNOWN_CREDENTIALS(0x8009030D, 1749),
  /** No credentials were available (e.g. the current thread has none). */
  NO_CREDENTIALS(0x8009030E, 1749),
  /** A signature did not verify or a sealed message was altered. */
  MESSAGE_ALTERED(0x8009030F, 1825),
  /** A message arrived out of sequence (replayed, reordered or lost). */
  OUT_OF_SEQUENCE(0x80090310, 1825),
  /** A buffer or token segment is too small. */
  BUFFER_TOO_SMALL(0x80090321, 1825),
  /** The client's clock differs too much from the server's. */
  TIME_SKEW(0x80090324, 5),
  /** The peers share no acceptable algorithm (e.g. NTLMv1 offered and not enabled). */
  ALGORITHM_MISMATCH(0x80090331, 5);

  private final int sspiCode;
  private final int rpcStatus;

  SecurityStatus(int sspiCode, int rpcStatus) {
    this.sspiCode = sspiCode;
    this.rpcStatus = rpcStatus;
  }

  /** The SSPI {@code SEC_E_*} code. */
  public int sspiCode() {
    return sspiCode;
  }

  /**
   * The Windows status an RPC caller should see: 5 (access denied) for authentication failures,
   * 1749 (RPC_S_INVALID_AUTH_IDENTITY) for unusable credentials, 1825 (RPC_S_SEC_PKG_ERROR)
   * otherwise.
   */
  public int rpcStatus() {
    return rpcStatus;
  }
}
