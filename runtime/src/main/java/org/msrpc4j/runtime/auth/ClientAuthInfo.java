package org.msrpc4j.runtime.auth;

import java.util.Objects;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.SecurityQos;

/**
 * The authentication settings of a client binding (RpcBindingSetAuthInfoEx's arguments), as
 * returned by {@code inqAuthInfo()}. Immutable.
 *
 * @param spn the server principal name (target), may be empty (NTLM does not need it)
 * @param level the requested level (CALL is used as PKT on the wire)
 * @param service the authentication service (DEFAULT means NTLM, as on Windows)
 * @param identity the credentials, or null for the current thread's
 * @param authzService the authorization service
 * @param qos the quality of service
 */
public record ClientAuthInfo(String spn, AuthnLevel level, AuthnService service, ClientIdentity identity,
    AuthzService authzService, SecurityQos qos) {
  public ClientAuthInfo {
    spn = spn == null ? "" : spn;
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(service, "service");
    authzService = authzService == null ? AuthzService.NONE : authzService;
    qos = qos == null ? SecurityQos.DEFAULT : qos;
  }

  /** The same settings with concrete credentials (the current thread's, once resolved). */
  public ClientAuthInfo withIdentity(ClientIdentity resolved) {
    return new ClientAuthInfo(spn, level, service, resolved, authzService, qos);
  }

  /** The level used on connection-oriented transports (DEFAULT → CONNECT, CALL → PKT). */
  public AuthnLevel effectiveLevel() {
    return level.effectiveForConnectionOriented();
  }

  @Override
  public String toString() {
    // Never print the identity's secret; its own toString() shows only DOMAIN\\user.
    return "ClientAuthInfo[spn=" + spn + ", level=" + level + ", service=" + service + ", identity="
        + (identity == null ? "(current thread)" : identity) + ", authz=" + authzService + ", qos=" + qos + "]";
  }
}
