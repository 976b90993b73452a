package org.msrpc4j.security.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user of an {@link AccountStore}: name, RID, NT hash (and the password when the file gave
 * one), disabled flag, group names and privileges. Immutable; thread-safe; secrets are copied in
 * and out and never appear in {@link #toString()}.
 */
public final class Account {
  private final String name;
  private final long rid;
  private final byte[] ntHash;
  private final char[] password;
  private final boolean disabled;
  private final List<String> groups;
  private final List<String> privileges;

  Account(
      String name,
      long rid,
      byte[] ntHash,
      char[] password,
      boolean disabled,
      List<String> groups,
      List<String> privileges) {
    this.name = Objects.requireNonNull(name);
    this.rid = rid;
    this.ntHash = ntHash.clone();
    this.password = password == null ? null : password.clone();
    this.disabled = disabled;
    this.groups = List.copyOf(groups);
    this.privileges = List.copyOf(privileges);
  }

  /** The account name as written in the file. */
  public String name() {
    return name;
  }

  /** The relative identifier; the user SID is the domain SID plus this RID. */
  public long rid() {
    return rid;
  }

  /** A copy of the NT hash. */
  public byte[] ntHash() {
    return ntHash.clone();
  }

  /** A copy of the clear-text password when the file gave one (needed for Kerberos AES keys). */
  public Optional<char[]> password() {
    return Optional.ofNullable(password).map(char[]::clone);
  }

  /** True when the account may not log on. */
  public boolean disabled() {
    return disabled;
  }

  /** The names of the store groups the account belongs to. */
  public List<String> groups() {
    return groups;
  }

  /** The privilege names (e.g. SeBackupPrivilege) granted to the account. */
  public List<String> privileges() {
    return privileges;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Account a
        && a.name.equals(name)
        && a.rid == rid
        && Arrays.equals(a.ntHash, ntHash)
        && a.disabled == disabled
        && a.groups.equals(groups)
        && a.privileges.equals(privileges);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, rid);
  }

  @Override
  public String toString() {
    return "Account[" + name + ", rid " + rid + (disabled ? ", disabled" : "") + ", groups " + groups + "]";
  }
}
