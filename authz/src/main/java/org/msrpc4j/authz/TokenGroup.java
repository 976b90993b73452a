package org.msrpc4j.authz;

import java.util.Objects;

/**
 * A group SID in a {@link Token}, with its SE_GROUP_* attributes ([MS-DTYP] 2.5.2, [MS-PAC]
 * 2.2.1) and an optional display name such as {@code "EXAMPLE\\Domain Users"}.
 *
 * <p>Immutable and thread-safe.
 */
public record TokenGroup(Sid sid, int attributes, String name) {
  public static final int MANDATORY = 0x00000001;
  public static final int ENABLED_BY_DEFAULT = 0x00000002;
  public static final int ENABLED = 0x00000004;
  public static final int OWNER = 0x00000008;
  public static final int USE_FOR_DENY_ONLY = 0x00000010;
  public static final int INTEGRITY = 0x00000020;
  public static final int INTEGRITY_ENABLED = 0x00000040;
  public static final int RESOURCE = 0x20000000;
  public static final int LOGON_ID = 0xC0000000;

  /** The attributes Windows and the PAC give an ordinary group: mandatory, enabled by default, enabled. */
  public static final int DEFAULT = MANDATORY | ENABLED_BY_DEFAULT | ENABLED;

  public TokenGroup {
    Objects.requireNonNull(sid, "sid");
  }

  /** An ordinary enabled group without a name. */
  public static TokenGroup enabled(Sid sid) {
    return new TokenGroup(sid, DEFAULT, null);
  }

  /** A deny-only group: it matches deny ACEs but never allow ACEs. */
  public static TokenGroup denyOnly(Sid sid) {
    return new TokenGroup(sid, USE_FOR_DENY_ONLY | MANDATORY, null);
  }

  /** True if the group is enabled and not deny-only: it matches allow ACEs. */
  public boolean isEnabled() {
    return (attributes & ENABLED) != 0 && (attributes & USE_FOR_DENY_ONLY) == 0;
  }

  /** True if the group is deny-only. */
  public boolean isDenyOnly() {
    return (attributes & USE_FOR_DENY_ONLY) != 0;
  }

  /** True if the group may be an object's owner (SE_GROUP_OWNER). */
  public boolean isOwner() {
    return (attributes & OWNER) != 0;
  }
}
