package org.msrpc4j.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.msrpc4j.interfaces.echo.Rpcecho;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentity;
import org.msrpc4j.runtime.auth.SecurityCallback;
import org.msrpc4j.runtime.auth.ServerAuthPolicy;
import org.msrpc4j.runtime.epm.RpcEpm;
import org.msrpc4j.runtime.mgmt.RpcMgmt;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;

/**
 * Per-interface minimum authentication levels of {@code msrpc serve} ({@code --min-level-for
 * IFACE=LEVEL} and the config's {@code minLevels}), where IFACE is one of the served interfaces'
 * names or any interface uuid; and the server policy that enforces them (calls below get fault 5
 * from the runtime, which logs the denial). Stateless.
 */
final class ServeCommandMinimums {
  /** The names users may give instead of a uuid. */
  static final Map<String, UUID> KNOWN = Map.of(
      "echo", Rpcecho.INTERFACE_ID.uuid(),
      "rpcecho", Rpcecho.INTERFACE_ID.uuid(),
      "mgmt", RpcMgmt.INTERFACE.uuid(),
      "epm", RpcEpm.INTERFACE.uuid(),
      "identity", Msrpc4jIdentity.INTERFACE_ID.uuid(),
      "store", StoreCommandServing.INTERFACE.uuid());

  private ServeCommandMinimums() {}

  /**
   * The uuid a user named.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static UUID interfaceUuid(String nameOrUuid) {
    UUID known = KNOWN.get(nameOrUuid.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    // UUID.fromString accepts short groups ("1-2-3-4-5"); insist on the canonical 36 characters.
    if (nameOrUuid.length() == 36) {
      try {
        return UUID.fromString(nameOrUuid);
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("unknown interface '" + nameOrUuid
        + "' (echo, mgmt, epm, identity, store, or a uuid like 60a15ec5-4de8-11d7-a637-005056a20182)");
  }

  /**
   * The per-interface minimums: the config's first, then the command line's {@code IFACE=LEVEL}
   * entries, which override the config for the same interface.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  static Map<UUID, AuthnLevel> parse(Map<String, String> fromConfig, List<String> fromFlags) {
    Map<UUID, AuthnLevel> out = new LinkedHashMap<>();
    if (fromConfig != null) {
      fromConfig.forEach((iface, level) -> out.put(interfaceUuid(iface), AuthOptions.parseLevel(level)));
    }
    if (fromFlags != null) {
      for (String entry : fromFlags) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
          throw new IllegalArgumentException("bad --min-level-for '" + entry + "': expected IFACE=LEVEL, e.g. store=privacy");
        }
        try {
          out.put(interfaceUuid(entry.substring(0, eq)), AuthOptions.parseLevel(entry.substring(eq + 1)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("bad --min-level-for '" + entry + "': " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /**
   * {@code base} with the per-interface minimums and with {@code onEveryCall} as the security
   * callback of every served interface (the minimum is checked before it runs).
   *
   * @throws IllegalArgumentException when a minimum above NONE is asked of a server that can
   *     authenticate no one
   */
  static ServerAuthPolicy policy(ServerAuthPolicy base, Map<UUID, AuthnLevel> minimums, Collection<UUID> served,
      SecurityCallback onEveryCall) {
    boolean canAuthenticate = false;
    for (AuthnService s : AuthnService.values()) {
      if (s != AuthnService.NONE && s != AuthnService.DEFAULT && base.providers().find(s).isPresent()) {
        canAuthenticate = true;
      }
    }
    if (!canAuthenticate && minimums.values().stream().anyMatch(l -> l != AuthnLevel.NONE)) {
      throw new IllegalArgumentException("a per-interface minimum level (--min-level-for, minLevels) needs --accounts, --keytab or --embedded-kdc: without them no caller can authenticate");
    }
    ServerAuthPolicy.Builder b = ServerAuthPolicy.builder(base.providers()).defaultMinimumLevel(base.defaultMinimumLevel());
    for (UUID uuid : served) {
      b.callback(uuid, onEveryCall);
    }
    minimums.forEach(b::requireLevel);
    return b.build();
  }

  /** A readable list for the start-up banner, e.g. {@code store=PKT_PRIVACY}. */
  static String describe(Map<UUID, AuthnLevel> minimums) {
    StringBuilder sb = new StringBuilder();
    minimums.forEach((uuid, level) -> {
      String name = KNOWN.entrySet().stream().filter(e -> e.getValue().equals(uuid) && !e.getKey().equals("rpcecho"))
          .map(Map.Entry::getKey).findFirst().orElse(uuid.toString());
      sb.append(sb.length() == 0 ? "" : ", ").append(name).append('=').append(level);
    });
    return sb.toString();
  }
}
