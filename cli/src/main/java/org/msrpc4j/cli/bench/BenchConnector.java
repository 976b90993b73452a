package org.msrpc4j.cli.bench;

import java.util.Locale;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;

/**
 * Makes the benchmark's channels: each one a single connection to the binding (pool of one),
 * authenticated with the settings the command line resolved once (so a password is asked for at
 * most once). Thread-safe: immutable, and the client is thread-safe.
 *
 * @param client the runtime whose I/O threads carry every connection
 * @param binding with its port resolved
 * @param settings channel settings: a pool of one connection taking {@code inflight} calls
 * @param level authentication level (NONE = unauthenticated)
 * @param service authentication service (NONE = unauthenticated)
 * @param identity credentials, or null for the current ones (a Kerberos credential cache)
 * @param spn the server principal name
 */
record BenchConnector(RpcClient client, RpcBinding binding, ClientSettings settings, AuthnLevel level,
    AuthnService service, ClientIdentity identity, String spn) {

  /** A new channel with the authentication applied; no connection is made until the first call. */
  RpcChannel open() throws RpcException {
    RpcChannel ch = client.channel(binding, settings);
    if (authenticated()) {
      try {
        ch.setAuthInfo(spn, level, service, identity, AuthzService.NONE);
      } catch (RpcException | RuntimeException e) {
        ch.close();
        throw e;
      }
    }
    return ch;
  }

  boolean authenticated() {
    return level != AuthnLevel.NONE && service != AuthnService.NONE;
  }

  /** The service as reported: ntlm, kerberos, negotiate or none. */
  String authLabel() {
    if (!authenticated()) {
      return "none";
    }
    return switch (service.resolveDefault()) {
      case WINNT -> "ntlm";
      case GSS_KERBEROS -> "kerberos";
      case GSS_NEGOTIATE -> "negotiate";
      default -> service.name().toLowerCase(Locale.ROOT);
    };
  }

  /** The level as reported: none, connect, call, pkt, integrity or privacy. */
  String levelLabel() {
    if (!authenticated()) {
      return "none";
    }
    return switch (level) {
      case PKT_INTEGRITY -> "integrity";
      case PKT_PRIVACY -> "privacy";
      default -> level.name().toLowerCase(Locale.ROOT);
    };
  }

  /** A fresh connection for every call, closed once the call completes ({@code --new-connections}). */
  BenchChannels fresh() {
    return new BenchChannels() {
      @Override
      public RpcChannel acquire() throws RpcException {
        return open();
      }

      @Override
      public void release(RpcChannel channel) {
        channel.close();
      }
    };
  }
}
