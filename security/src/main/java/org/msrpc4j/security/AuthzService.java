package org.msrpc4j.security;

/** RPC authorization services ({@code RPC_C_AUTHZ_*}). Immutable; thread-safe. */
public enum AuthzService {
  /** The server performs no authorization based on the service. */
  NONE(0),
  /** Authorization by client principal name. */
  NAME(1),
  /** DCE privilege attribute certificate. */
  DCE(2),
  /** The default (0xFFFFFFFF), which is NONE for every service this project implements. */
  DEFAULT(0xFFFFFFFF);

  private final int value;

  AuthzService(int value) {
    this.value = value;
  }

  /** The API constant. */
  public int value() {
    return value;
  }

  /**
   * The service from its API value.
   *
   * @throws IllegalArgumentException if unknown
   */
  public static AuthzService fromValue(int value) {
    for (AuthzService s : values()) {
      if (s.value == value) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown authorization service " + value);
  }
}
