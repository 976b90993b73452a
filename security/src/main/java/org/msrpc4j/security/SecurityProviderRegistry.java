package org.msrpc4j.security;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers available to a client or server, by service. An instance is built once and passed
 * to the runtime (there is no global registry). Immutable; thread-safe.
 */
public final class SecurityProviderRegistry {
  private final Map<AuthnService, SecurityProvider> providers;

  private SecurityProviderRegistry(Map<AuthnService, SecurityProvider> providers) {
    this.providers = providers;
  }

  /**
   * A registry of the given providers.
   *
   * @throws IllegalArgumentException when two providers implement the same service
   */
  public static SecurityProviderRegistry of(List<? extends SecurityProvider> providers) {
    Map<AuthnService, SecurityProvider> map = new EnumMap<>(AuthnService.class);
    for (SecurityProvider p : providers) {
      if (map.putIfAbsent(p.service(), p) != null) {
        throw new IllegalArgumentException("two providers for " + p.service());
      }
    }
    return new SecurityProviderRegistry(map);
  }

  /** The provider for a service; DEFAULT is looked up as WINNT. */
  public Optional<SecurityProvider> find(AuthnService service) {
    return Optional.ofNullable(providers.get(service.resolveDefault()));
  }

  /**
   * The provider for a service, or a clear error.
   *
   * @throws SecurityContextException {@link SecurityStatus#UNSUPPORTED_FUNCTION} if none
   */
  public SecurityProvider require(AuthnService service) throws SecurityContextException {
    return find(service)
        .orElseThrow(
            () ->
                new SecurityContextException(
                    SecurityStatus.UNSUPPORTED_FUNCTION,
                    "no security provider for " + service.resolveDefault() + " is configured"));
  }
}
