package org.msrpc4j.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Security quality of service ({@code RPC_SECURITY_QOS}): capabilities, identity tracking and the
 * impersonation level the client grants. Immutable; thread-safe.
 *
 * @param capabilities the requested capabilities (copied; never null)
 * @param identityTracking static or dynamic identity tracking
 * @param impersonationLevel the impersonation level granted to the server
 */
public record SecurityQos(
    Set<QosCapability> capabilities,
    IdentityTracking identityTracking,
    ImpersonationLevel impersonationLevel) {

  /** The QoS used when a client gives none: no capabilities, static tracking, IMPERSONATE. */
  public static final SecurityQos DEFAULT =
      new SecurityQos(Set.of(), IdentityTracking.STATIC, ImpersonationLevel.IMPERSONATE);

  /** Validates and copies the arguments. */
  public SecurityQos {
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(identityTracking, "identityTracking");
    Objects.requireNonNull(impersonationLevel, "impersonationLevel");
    capabilities =
        capabilities.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(capabilities));
  }

  /** True when mutual authentication was requested. */
  public boolean mutualAuth() {
    return capabilities.contains(QosCapability.MUTUAL_AUTH);
  }

  /** The capabilities as the API bit mask. */
  public int capabilityMask() {
    int mask = 0;
    for (QosCapability c : capabilities) {
      mask |= c.bit();
    }
    return mask;
  }
}
