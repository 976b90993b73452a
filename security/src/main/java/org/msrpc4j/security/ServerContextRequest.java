package org.msrpc4j.security;

import java.util.Objects;

/**
 * What a server knows when a client's first token arrives. Immutable; thread-safe.
 *
 * @param level the auth_level of the client's sec_trailer
 */
public record ServerContextRequest(AuthnLevel level) {

  /** Validates the argument. */
  public ServerContextRequest {
    Objects.requireNonNull(level, "level");
  }
}
