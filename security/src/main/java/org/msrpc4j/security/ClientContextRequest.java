package org.msrpc4j.security;

import java.util.Objects;

/**
 * What a client asks for when it creates a context. Immutable; thread-safe.
 *
 * @param identity the resolved identity (never null: the runtime resolves "current thread" first)
 * @param targetName the server principal (SPN) or empty when unknown
 * @param level the authentication level the binding uses (decides sign / seal negotiation)
 * @param qos the quality of service (mutual auth, impersonation level)
 */
public record ClientContextRequest(
    ClientIdentity identity, String targetName, AuthnLevel level, SecurityQos qos) {

  /** Validates the arguments; a null target becomes empty, a null QoS the default. */
  public ClientContextRequest {
    Objects.requireNonNull(identity, "identity (resolve the current thread's first)");
    targetName = targetName == null ? "" : targetName;
    Objects.requireNonNull(level, "level");
    qos = qos == null ? SecurityQos.DEFAULT : qos;
  }
}
