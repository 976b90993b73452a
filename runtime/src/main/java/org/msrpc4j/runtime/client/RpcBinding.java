package org.msrpc4j.runtime.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;

/**
 * A string binding ([C706] 2.5, RpcStringBindingCompose): {@code [objectUuid@]ncacn_ip_tcp:host[endpoint,option,key=value,…]}.
 * The endpoint (TCP port) is optional: without it the runtime asks the server's endpoint mapper
 * (port 135). Options are kept in order; an option without "=" has the empty string as value
 * (e.g. Samba's {@code sign}, {@code seal}). An IPv6 host is written in brackets is not supported
 * yet; use a name or IPv4 address.
 *
 * <p>Immutable and thread-safe.
 */
public final class RpcBinding {
  /** The only protocol sequence supported today. */
  public static final String NCACN_IP_TCP = "ncacn_ip_tcp";

  private final UUID object;
  private final String host;
  private final Integer port;
  private final Map<String, String> options;

  /** A binding to {@code host}, {@code port} (null = resolve through the endpoint mapper). */
  public RpcBinding(UUID object, String host, Integer port, Map<String, String> options) {
    this.object = object;
    this.host = Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** A binding to a fixed TCP endpoint. */
  public static RpcBinding tcp(String host, int port) {
    return new RpcBinding(null, host, port, Map.of());
  }

  /**
   * Parses a string binding.
   *
   * @throws RpcException RPC_S_INVALID_STRING_BINDING (1700), RPC_S_PROTSEQ_NOT_SUPPORTED (1703) or
   *     RPC_S_INVALID_ENDPOINT_FORMAT (1706) with a message saying what is wrong
   */
  public static RpcBinding parse(String s) throws RpcException {
    if (s == null || s.isBlank()) {
      throw new RpcException(RpcStatus.RPC_S_INVALID_STRING_BINDING, "empty string binding");
    }
    String rest = s.trim();
    UUID object = null;
    int at = rest.indexOf('@');
    int colon = rest.indexOf(':');
    if (at >= 0 && (colon < 0 || at < colon)) {
      try {
        object = UUID.fromString(rest.substring(0, at));
      } catch (IllegalArgumentException e) {
        throw new RpcException(RpcStatus.RPC_S_INVALID_STRING_BINDING, "bad object UUID in '" + s + "'");
      }
      rest = rest.substring(at + 1);
      colon = rest.indexOf(':');
    }
    if (colon < 0) {
      throw new RpcException(RpcStatus.RPC_S_INVALID_STRING_BINDING, "missing protocol sequence in '" + s + "' (expected ncacn_ip_tcp:host[port])");
    }
    String protseq = rest.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    if (!protseq.equals(NCACN_IP_TCP)) {
      throw new RpcException(RpcStatus.RPC_S_PROTSEQ_NOT_SUPPORTED, "protocol sequence '" + protseq + "' is not supported (only ncacn_ip_tcp)");
    }
    rest = rest.substring(colon + 1);
    String host;
    String inside = null;
    int lb = rest.indexOf('[');
    if (lb >= 0) {
      if (!rest.endsWith("]")) {
        throw new RpcException(RpcStatus.RPC_S_INVALID_STRING_BINDING, "unbalanced '[' in '" + s + "'");
      }
      host = rest.substring(0, lb);
      inside = rest.substring(lb + 1, rest.length() - 1);
    } else {
      host = rest;
    }
    if (host.isEmpty() || host.contains("]") || host.contains(",")) {
      throw new RpcException(RpcStatus.RPC_S_INVALID_STRING_BINDING, "bad host in '" + s + "'");
    }
    Integer port = null;
    Map<String, String> options = new LinkedHashMap<>();
    if (inside != null && !inside.isEmpty()) {
      String[] parts = inside.split(",", -1);
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i].trim();
        if (p.isEmpty()) {
          continue;
        }
        int eq = p.indexOf('=');
        String key = eq < 0 ? p : p.substring(0, eq).trim();
        String value = eq < 0 ? "" : p.substring(eq + 1).trim();
        if (i == 0 && eq < 0 && key.chars().allMatch(Character::isDigit)) {
          port = parsePort(key, s);
        } else if (key.equalsIgnoreCase("endpoint")) {
          port = parsePort(value, s);
        } else {
          options.put(key.toLowerCase(java.util.Locale.ROOT), value);
        }
      }
    }
    try {
      return new RpcBinding(object, host, port, options);
    } catch (IllegalArgumentException e) {
      throw new RpcException(RpcStatus.RPC_S_INVALID_STRING_BINDING, e.getMessage());
    }
  }

  private static int parsePort(String p, String s) throws RpcException {
    try {
      int v = Integer.parseInt(p);
      if (v >= 1 && v <= 65535) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new RpcException(RpcStatus.RPC_S_INVALID_ENDPOINT_FORMAT, "bad TCP port '" + p + "' in '" + s + "'");
  }

  /** The object UUID, or null. */
  public UUID object() {
    return object;
  }

  /** The host name or address. */
  public String host() {
    return host;
  }

  /** The TCP port, or null when it must be resolved through the endpoint mapper. */
  public Integer port() {
    return port;
  }

  /** The options, in order, lower-case keys. */
  public Map<String, String> options() {
    return options;
  }

  /** The same binding with a resolved port. */
  public RpcBinding withPort(int newPort) {
    return new RpcBinding(object, host, newPort, options);
  }

  /** The same binding with an object UUID. */
  public RpcBinding withObject(UUID newObject) {
    return new RpcBinding(newObject, host, port, options);
  }

  /** The string form (RpcStringBindingCompose). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (object != null) {
      sb.append(object).append('@');
    }
    sb.append(NCACN_IP_TCP).append(':').append(host);
    if (port != null || !options.isEmpty()) {
      sb.append('[');
      boolean first = true;
      if (port != null) {
        sb.append(port);
        first = false;
      }
      for (Map.Entry<String, String> e : options.entrySet()) {
        sb.append(first ? "" : ",").append(e.getKey());
        if (!e.getValue().isEmpty()) {
          sb.append('=').append(e.getValue());
        }
        first = false;
      }
      sb.append(']');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RpcBinding b && Objects.equals(object, b.object) && host.equals(b.host)
        && Objects.equals(port, b.port) && options.equals(b.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(object, host, port, options);
  }
}
