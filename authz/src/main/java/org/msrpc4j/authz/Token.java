package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An access token (authorization context, [MS-DTYP] 2.5.2): who a caller is and what it may do.
 * The runtime builds one per authenticated caller (NTLM from the account store, Kerberos from the
 * PAC) and hands it to the server, which uses it with {@link AccessCheck} and
 * {@link PrivateObjectSecurity}.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder(Sid)}.
 */
public final class Token {
  private final Sid user;
  private final String userName;
  private final int userAttributes;
  private final List<TokenGroup> groups;
  private final Set<String> privileges;
  private final Sid defaultOwner;
  private final Sid primaryGroup;
  private final Acl defaultDacl;
  private final int mandatoryPolicy;

  /** TOKEN_MANDATORY_POLICY_OFF ([MS-DTYP] 2.4.8): no integrity checks. */
  public static final int MANDATORY_POLICY_OFF = 0;
  /** TOKEN_MANDATORY_POLICY_NO_WRITE_UP: the default policy. */
  public static final int MANDATORY_POLICY_NO_WRITE_UP = 1;
  /** TOKEN_MANDATORY_POLICY_NEW_PROCESS_MIN. */
  public static final int MANDATORY_POLICY_NEW_PROCESS_MIN = 2;

  private Token(Builder b) {
    this.user = b.user;
    this.userName = b.userName;
    this.userAttributes = b.userAttributes;
    this.groups = List.copyOf(b.groups);
    this.privileges = Collections.unmodifiableSet(new LinkedHashSet<>(b.privileges));
    this.defaultOwner = b.defaultOwner != null ? b.defaultOwner : b.user;
    this.primaryGroup = b.primaryGroup != null ? b.primaryGroup : b.user;
    this.defaultDacl = b.defaultDacl;
    this.mandatoryPolicy = b.mandatoryPolicy;
  }

  /** Starts a token for {@code user}. */
  public static Builder builder(Sid user) {
    return new Builder(user);
  }

  /**
   * The anonymous logon token as Windows builds it for a null session: user ANONYMOUS LOGON
   * (S-1-5-7), groups Everyone and NETWORK, primary group ANONYMOUS LOGON, no privileges. (Windows
   * drops Everyone when "Let Everyone permissions apply to anonymous users" is off; servers that want
   * that stricter policy build their own token.)
   */
  public static Token anonymous() {
    return builder(Sid.ANONYMOUS)
        .userName("NT AUTHORITY\\ANONYMOUS LOGON")
        .group(new TokenGroup(Sid.EVERYONE, TokenGroup.DEFAULT, "\\Everyone"))
        .group(new TokenGroup(Sid.NETWORK, TokenGroup.DEFAULT, "NT AUTHORITY\\NETWORK"))
        .primaryGroup(Sid.ANONYMOUS)
        .build();
  }

  public Sid user() {
    return user;
  }

  /** The account name, e.g. {@code "EXAMPLE\\alice"}, or null if unknown. */
  public String userName() {
    return userName;
  }

  /** Attributes of the user SID: 0 normally, {@link TokenGroup#USE_FOR_DENY_ONLY} in a restricted token. */
  public int userAttributes() {
    return userAttributes;
  }

  /** The groups in the order given (unmodifiable). */
  public List<TokenGroup> groups() {
    return groups;
  }

  /** Privilege names such as {@code SeSecurityPrivilege} (unmodifiable). */
  public Set<String> privileges() {
    return privileges;
  }

  public boolean hasPrivilege(String name) {
    return privileges.contains(name);
  }

  /** The owner for new objects (defaults to the user). */
  public Sid defaultOwner() {
    return defaultOwner;
  }

  /** The group for new objects (defaults to the user). */
  public Sid primaryGroup() {
    return primaryGroup;
  }

  /** The DACL for new objects that inherit nothing, or null if the token has none. */
  public Acl defaultDacl() {
    return defaultDacl;
  }

  /**
   * The token's integrity level: the SID (S-1-16-…) of its group marked SE_GROUP_INTEGRITY, or null
   * when it has none. Only tokens with an integrity level get mandatory integrity checks.
   */
  public Sid integrityLevel() {
    for (TokenGroup g : groups) {
      if ((g.attributes() & TokenGroup.INTEGRITY) != 0) {
        return g.sid();
      }
    }
    return null;
  }

  /** The TOKEN_MANDATORY_POLICY ({@link #MANDATORY_POLICY_NO_WRITE_UP} unless set). */
  public int mandatoryPolicy() {
    return mandatoryPolicy;
  }

  /** True if {@code sid} is the user or an enabled group that is not deny-only: matches allow ACEs. */
  public boolean isEnabledMember(Sid sid) {
    if (sid.equals(user)) {
      return (userAttributes & TokenGroup.USE_FOR_DENY_ONLY) == 0;
    }
    for (TokenGroup g : groups) {
      if (g.isEnabled() && g.sid().equals(sid)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if {@code sid} is the user, an enabled group or a deny-only group: matches deny ACEs
   * ([MS-DTYP] 2.5.3.2: deny-only SIDs are considered for deny ACEs only).
   */
  public boolean isMemberForDeny(Sid sid) {
    if (sid.equals(user)) {
      return true;
    }
    for (TokenGroup g : groups) {
      if (g.sid().equals(sid) && (g.isEnabled() || g.isDenyOnly())) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code sid} may be set as an owner by this token: the user or an SE_GROUP_OWNER group. */
  public boolean mayOwn(Sid sid) {
    if (sid.equals(user)) {
      return true;
    }
    for (TokenGroup g : groups) {
      if (g.isOwner() && g.sid().equals(sid)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Token[user=" + user + (userName != null ? " (" + userName + ")" : "") + ", groups="
        + groups.size() + ", privileges=" + privileges + "]";
  }

  /** Builds a {@link Token}; not thread-safe. */
  public static final class Builder {
    private final Sid user;
    private String userName;
    private int userAttributes;
    private final List<TokenGroup> groups = new ArrayList<>();
    private final Set<String> privileges = new LinkedHashSet<>();
    private Sid defaultOwner;
    private Sid primaryGroup;
    private Acl defaultDacl;
    private int mandatoryPolicy = MANDATORY_POLICY_NO_WRITE_UP;

    private Builder(Sid user) {
      this.user = Objects.requireNonNull(user, "user");
    }

    public Builder userName(String name) {
      this.userName = name;
      return this;
    }

    /** Sets the user SID's attributes (e.g. deny-only in a restricted token). */
    public Builder userAttributes(int attributes) {
      this.userAttributes = attributes;
      return this;
    }

    public Builder group(TokenGroup group) {
      groups.add(Objects.requireNonNull(group, "group"));
      return this;
    }

    /** Adds an ordinary enabled group. */
    public Builder group(Sid sid) {
      return group(TokenGroup.enabled(sid));
    }

    /** Adds a group with explicit SE_GROUP_* attributes. */
    public Builder group(Sid sid, int attributes) {
      return group(new TokenGroup(sid, attributes, null));
    }

    /** Adds a deny-only group. */
    public Builder denyOnlyGroup(Sid sid) {
      return group(TokenGroup.denyOnly(sid));
    }

    public Builder privilege(String name) {
      privileges.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    public Builder defaultOwner(Sid sid) {
      this.defaultOwner = sid;
      return this;
    }

    public Builder primaryGroup(Sid sid) {
      this.primaryGroup = sid;
      return this;
    }

    public Builder defaultDacl(Acl dacl) {
      this.defaultDacl = dacl;
      return this;
    }

    /**
     * Gives the token an integrity level (e.g. {@link Sid#ML_MEDIUM}) as a group with
     * SE_GROUP_INTEGRITY | SE_GROUP_INTEGRITY_ENABLED, as Windows does.
     */
    public Builder integrityLevel(Sid level) {
      return group(new TokenGroup(level, TokenGroup.INTEGRITY | TokenGroup.INTEGRITY_ENABLED, null));
    }

    /** Sets the TOKEN_MANDATORY_POLICY. */
    public Builder mandatoryPolicy(int policy) {
      this.mandatoryPolicy = policy;
      return this;
    }

    public Token build() {
      return new Token(this);
    }
  }
}
