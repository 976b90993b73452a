package org.msrpc4j.security.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.msrpc4j.authz.TokenGroup;

/**
 * The embedded identity source: a domain (NetBIOS name, DNS realm, SID) with its users and groups,
 * read from a YAML accounts file (see {@link AccountsFileParser} for the format). It answers "who
 * is this user, what is their NT hash" for the NTLM server and builds the caller's {@link Token}.
 * Immutable; thread-safe.
 */
public final class AccountStore {
  /** RID of the Domain Users group, every account's primary group. */
  public static final long DOMAIN_USERS_RID = 513;

  private final String domain;
  private final String realm;
  private final Sid domainSid;
  private final Map<String, Account> users;
  private final Map<String, Group> groups;

  AccountStore(String domain, String realm, Sid domainSid, List<Account> users, List<Group> groups) {
    this.domain = domain;
    this.realm = realm;
    this.domainSid = domainSid;
    Map<String, Account> u = new LinkedHashMap<>();
    users.forEach(a -> u.put(key(a.name()), a));
    Map<String, Group> g = new LinkedHashMap<>();
    groups.forEach(x -> g.put(key(x.name()), x));
    this.users = java.util.Collections.unmodifiableMap(u);
    this.groups = java.util.Collections.unmodifiableMap(g);
  }

  /**
   * Reads and validates an accounts file.
   *
   * @throws AccountsFileException when malformed (the message names the line) or unreadable
   */
  public static AccountStore load(Path file) throws AccountsFileException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AccountsFileException(file.toString(), 0, "cannot read the file: " + e.getMessage());
    } catch (RuntimeException e) { // MalformedInputException is checked; this covers the rest
      throw new AccountsFileException(file.toString(), 0, "cannot read the file: " + e);
    }
    return AccountsFileParser.parse(text, file.toString());
  }

  /**
   * Parses accounts-file text.
   *
   * @param source a name for error messages (e.g. the file name)
   */
  public static AccountStore parse(String yaml, String source) throws AccountsFileException {
    return AccountsFileParser.parse(yaml, source);
  }

  /** The NetBIOS domain name (e.g. EXAMPLE). */
  public String domain() {
    return domain;
  }

  /** The DNS realm (e.g. EXAMPLE.TEST), or empty. */
  public String realm() {
    return realm;
  }

  /** The domain SID. */
  public Sid domainSid() {
    return domainSid;
  }

  /** All users in file order. */
  public List<Account> users() {
    return List.copyOf(users.values());
  }

  /** All groups in file order. */
  public List<Group> groups() {
    return List.copyOf(groups.values());
  }

  /** The user with this name; names are case-insensitive ([MS-NLMP] 3.2.5.1.2). */
  public Optional<Account> findUser(String name) {
    return Optional.ofNullable(users.get(key(name)));
  }

  /** The group with this name (case-insensitive). */
  public Optional<Group> findGroup(String name) {
    return Optional.ofNullable(groups.get(key(name)));
  }

  /**
   * True when {@code name} denotes this domain: empty (many clients send none), the NetBIOS name or
   * the realm, case-insensitively.
   */
  public boolean isOwnDomain(String name) {
    return name.isEmpty() || name.equalsIgnoreCase(domain) || (!realm.isEmpty() && name.equalsIgnoreCase(realm));
  }

  /** The account's SID. */
  public Sid sidOf(Account account) {
    return domainSid.withRid(account.rid());
  }

  /**
   * The access token of a network logon by {@code account}: user SID, primary group Domain Users,
   * groups Domain Users, the account's groups, Everyone, BUILTIN\Users, NETWORK, Authenticated
   * Users, This Organization, then {@code extraGroups} (e.g. NTLM Authentication), with names such
   * as {@code EXAMPLE\alice}; privileges from the file.
   */
  public Token tokenFor(Account account, List<TokenGroup> extraGroups) {
    Sid domainUsers = domainSid.withRid(DOMAIN_USERS_RID);
    Token.Builder b =
        Token.builder(sidOf(account))
            .userName(domain + "\\" + account.name())
            .primaryGroup(domainUsers)
            .group(new TokenGroup(domainUsers, TokenGroup.DEFAULT, domain + "\\Domain Users"));
    for (String name : account.groups()) {
      Group g = groups.get(key(name));
      if (g != null) { // the parser guarantees it exists
        b.group(new TokenGroup(domainSid.withRid(g.rid()), TokenGroup.DEFAULT, domain + "\\" + g.name()));
      }
    }
    b.group(new TokenGroup(Sid.EVERYONE, TokenGroup.DEFAULT, "\\Everyone"))
        .group(new TokenGroup(Sid.BUILTIN_USERS, TokenGroup.DEFAULT, "BUILTIN\\Users"))
        .group(new TokenGroup(Sid.NETWORK, TokenGroup.DEFAULT, "NT AUTHORITY\\NETWORK"))
        .group(new TokenGroup(Sid.AUTHENTICATED_USERS, TokenGroup.DEFAULT, "NT AUTHORITY\\Authenticated Users"))
        .group(new TokenGroup(Sid.THIS_ORGANIZATION, TokenGroup.DEFAULT, "NT AUTHORITY\\This Organization"));
    for (TokenGroup g : extraGroups) {
      b.group(g);
    }
    for (String p : account.privileges()) {
      b.privilege(p);
    }
    return b.build();
  }

  /** {@link #tokenFor(Account, List)} without extra groups. */
  public Token tokenFor(Account account) {
    return tokenFor(account, List.of());
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "AccountStore[" + domain + ", " + users.size() + " users, " + groups.size() + " groups]";
  }
}
