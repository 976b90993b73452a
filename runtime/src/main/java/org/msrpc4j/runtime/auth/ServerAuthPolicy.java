package org.msrpc4j.runtime.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.SecurityProviderRegistry;

/**
 * How a server authenticates callers (RpcServerRegisterAuthInfo + RegisterIf3): the security
 * providers that accept contexts, the default minimum level for every interface, and per-interface
 * minimum levels and security callbacks. Calls below an interface's minimum fail with access denied
 * (5) before the handler runs. Immutable; thread-safe.
 *
 * <pre>{@code
 * ServerAuthPolicy policy = ServerAuthPolicy.builder(SecurityProviderRegistry.of(List.of(ntlm)))
 *     .defaultMinimumLevel(AuthnLevel.NONE)
 *     .requireLevel(MY_IFACE_UUID, AuthnLevel.PKT_PRIVACY, call -> { ... })
 *     .build();
 * RpcServer.builder().listen("0.0.0.0", 0).authentication(policy) ...
 * }</pre>
 */
public final class ServerAuthPolicy {
  private final SecurityProviderRegistry providers;
  private final AuthnLevel defaultMinimum;
  private final Map<UUID, AuthnLevel> minimums;
  private final Map<UUID, SecurityCallback> callbacks;

  private ServerAuthPolicy(Builder b) {
    this.providers = b.providers;
    this.defaultMinimum = b.defaultMinimum;
    this.minimums = Map.copyOf(b.minimums);
    this.callbacks = Map.copyOf(b.callbacks);
  }

  /** A policy that authenticates nothing: binds with an auth verifier are refused. */
  public static ServerAuthPolicy none() {
    return builder(SecurityProviderRegistry.of(java.util.List.of())).build();
  }

  /** A builder with the given providers, default minimum NONE. */
  public static Builder builder(SecurityProviderRegistry providers) {
    return new Builder(providers);
  }

  /** The providers that accept security contexts. */
  public SecurityProviderRegistry providers() {
    return providers;
  }

  /** The minimum level of interfaces without one of their own. */
  public AuthnLevel defaultMinimumLevel() {
    return defaultMinimum;
  }

  /** The minimum level for calls to the interface {@code uuid}. */
  public AuthnLevel minimumLevel(UUID uuid) {
    return minimums.getOrDefault(uuid, defaultMinimum);
  }

  /** The interface's security callback, or null. */
  public SecurityCallback callback(UUID uuid) {
    return callbacks.get(uuid);
  }

  /** Builds a {@link ServerAuthPolicy}; not thread-safe. */
  public static final class Builder {
    private final SecurityProviderRegistry providers;
    private AuthnLevel defaultMinimum = AuthnLevel.NONE;
    private final Map<UUID, AuthnLevel> minimums = new HashMap<>();
    private final Map<UUID, SecurityCallback> callbacks = new HashMap<>();

    private Builder(SecurityProviderRegistry providers) {
      this.providers = Objects.requireNonNull(providers, "providers");
    }

    /** The minimum level for every interface without its own (CALL counts as PKT). */
    public Builder defaultMinimumLevel(AuthnLevel level) {
      this.defaultMinimum = level.effectiveForConnectionOriented();
      return this;
    }

    /** The minimum level for one interface (all versions), overriding the default. */
    public Builder requireLevel(UUID iface, AuthnLevel level) {
      minimums.put(iface, level.effectiveForConnectionOriented());
      return this;
    }

    /** The minimum level and a security callback for one interface. */
    public Builder requireLevel(UUID iface, AuthnLevel level, SecurityCallback callback) {
      requireLevel(iface, level);
      callbacks.put(iface, Objects.requireNonNull(callback, "callback"));
      return this;
    }

    /** A security callback for one interface. */
    public Builder callback(UUID iface, SecurityCallback callback) {
      callbacks.put(iface, Objects.requireNonNull(callback, "callback"));
      return this;
    }

    public ServerAuthPolicy build() {
      return new ServerAuthPolicy(this);
    }
  }
}
