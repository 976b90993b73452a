package org.msrpc4j.security;

/** Quality-of-service capability bits ({@code RPC_C_QOS_CAPABILITIES_*}). Thread-safe. */
public enum QosCapability {
  /** The client requires the server to prove its identity (Kerberos mutual authentication). */
  MUTUAL_AUTH(0x1),
  /** Ask for a full security information context on the server. */
  MAKE_FULLSIC(0x2),
  /** Accept a server authenticated by any authority. */
  ANY_AUTHORITY(0x4),
  /** Continue when delegation was asked for and is not possible. */
  IGNORE_DELEGATE_FAILURE(0x8),
  /** Hint that mutual authentication is local. */
  LOCAL_MA_HINT(0x10),
  /** Schannel: pass the full identity. */
  SCHANNEL_FULL_AUTH_IDENTITY(0x20);

  private final int bit;

  QosCapability(int bit) {
    this.bit = bit;
  }

  /** The bit of this capability in the API bit mask. */
  public int bit() {
    return bit;
  }
}
