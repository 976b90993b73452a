package org.msrpc4j.runtime.auth;

import java.util.Objects;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;

/**
 * What RpcBindingInqAuthClient reports about the caller of a call. Immutable.
 *
 * @param clientPrincipal the caller as {@code DOMAIN\\user} (empty for an anonymous caller)
 * @param serverPrincipal the server principal the client addressed (e.g. its SPN), or empty
 * @param level the call's effective authentication level
 * @param service the authentication service (auth_type)
 * @param authzService the authorization service (NAME for NTLM, DCE when a PAC is present)
 */
public record AuthClientInfo(String clientPrincipal, String serverPrincipal, AuthnLevel level, AuthnService service,
    AuthzService authzService) {
  public AuthClientInfo {
    Objects.requireNonNull(clientPrincipal, "clientPrincipal");
    Objects.requireNonNull(serverPrincipal, "serverPrincipal");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(authzService, "authzService");
  }
}
