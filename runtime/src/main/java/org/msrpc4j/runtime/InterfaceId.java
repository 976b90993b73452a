package org.msrpc4j.runtime;

import java.util.Objects;
import java.util.UUID;

/**
 * An RPC interface: UUID and version. A server's interface {@code (uuid, major, minor)} accepts a
 * client asking for {@code (uuid, major, m)} when {@code m <= minor} (C706 rules: major equal,
 * server minor greater or equal).
 *
 * <p>Immutable and thread-safe.
 */
public record InterfaceId(UUID uuid, int major, int minor) {
  public InterfaceId {
    Objects.requireNonNull(uuid, "uuid");
    if (major < 0 || major > 0xFFFF || minor < 0 || minor > 0xFFFF) {
      throw new IllegalArgumentException("version out of range: " + major + "." + minor);
    }
  }

  /** Parses {@code uuid} and builds the interface id. */
  public static InterfaceId of(String uuid, int major, int minor) {
    return new InterfaceId(UUID.fromString(uuid), major, minor);
  }

  /** This interface as an abstract syntax on the wire. */
  public SyntaxId syntax() {
    return new SyntaxId(uuid, major, minor);
  }

  /** The interface named by an abstract syntax. */
  public static InterfaceId of(SyntaxId syntax) {
    return new InterfaceId(syntax.uuid(), syntax.major(), syntax.minor());
  }

  /** True when a server offering this interface can serve a client asking for {@code requested}. */
  public boolean serves(InterfaceId requested) {
    return uuid.equals(requested.uuid) && major == requested.major && minor >= requested.minor;
  }

  @Override
  public String toString() {
    return uuid + " v" + major + "." + minor;
  }
}
