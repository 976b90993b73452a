package org.msrpc4j.security.accounts;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.security.NtHash;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the YAML accounts file into an {@link AccountStore}. Format:
 *
 * <pre>
 * domain: EXAMPLE                 # NetBIOS domain name (required)
 * realm: EXAMPLE.TEST             # DNS realm (optional)
 * sid: S-1-5-21-1-2-3             # domain SID (required)
 * users:
 *   - name: alice                 # required, unique (case-insensitive)
 *     rid: 1104                   # required, unique among users and groups
 *     password: "Alic3Pass!x"     # exactly one of password / nthash (32 hex digits)
 *     groups: [engineers]         # optional, names of groups below
 *     disabled: false             # optional
 *     privileges: [SeBackupPrivilege]  # optional
 * groups:
 *   - name: engineers
 *     rid: 1201
 * </pre>
 *
 * Unknown keys are ignored so that files may carry more fields. Every error names the line. The
 * YAML is only composed into nodes (no object construction), with alias and size limits, so a
 * hostile file cannot instantiate classes or explode in memory. Stateless; thread-safe.
 */
final class AccountsFileParser {
  private static final Pattern NETBIOS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,14}");
  private static final Pattern ACCOUNT_NAME = Pattern.compile("[^\"/\\\\\\[\\]:;|=,+*?<>@\\p{Cntrl}]{1,104}");
  private static final int MAX_FILE_CHARS = 4 * 1024 * 1024;

  private final String source;

  private AccountsFileParser(String source) {
    this.source = source;
  }

  static AccountStore parse(String yaml, String source) throws AccountsFileException {
    return new AccountsFileParser(source).parse(yaml);
  }

  private AccountStore parse(String yaml) throws AccountsFileException {
    if (yaml.length() > MAX_FILE_CHARS) {
      throw error(null, "the file is larger than " + MAX_FILE_CHARS + " characters");
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      options.setCodePointLimit(MAX_FILE_CHARS);
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new AccountsFileException(source, line, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new AccountsFileException(source, 0, "not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      throw error(null, "the file is empty");
    }
    Map<String, Node> top = mapping(root, "the file");
    String domain = requiredString(top, "domain", root);
    if (!NETBIOS.matcher(domain).matches()) {
      throw error(top.get("domain"), "domain must be a NetBIOS name (1-15 letters, digits, '.', '_' or '-'), not '" + domain + "'");
    }
    String realm = optionalString(top, "realm", "");
    Sid sid;
    String sidText = requiredString(top, "sid", root);
    try {
      sid = Sid.parse(sidText);
    } catch (RuntimeException e) {
      throw error(top.get("sid"), "sid '" + sidText + "' is not a SID (S-1-5-21-…)");
    }
    if (sid.subAuthorityCount() >= 15) {
      throw error(top.get("sid"), "sid '" + sidText + "' has no room for a RID");
    }

    Map<String, Long> usedRids = new HashMap<>();
    List<Group> groups = new ArrayList<>();
    Map<String, Group> groupsByName = new LinkedHashMap<>();
    if (top.containsKey("groups") && !isNull(top.get("groups"))) {
      for (Node g : sequence(top.get("groups"), "groups")) {
        Map<String, Node> m = mapping(g, "a group");
        String name = requiredString(m, "name", g);
        checkName(name, m.get("name"), "group");
        long rid = rid(m, g, usedRids, name);
        if (groupsByName.putIfAbsent(AccountStore.key(name), new Group(name, rid)) != null) {
          throw error(m.get("name"), "group '" + name + "' is defined twice");
        }
        groups.add(new Group(name, rid));
      }
    }

    if (!top.containsKey("users") || isNull(top.get("users"))) {
      throw error(root, "the file has no 'users' list");
    }
    List<Account> users = new ArrayList<>();
    Set<String> userNames = new HashSet<>();
    for (Node u : sequence(top.get("users"), "users")) {
      Map<String, Node> m = mapping(u, "a user");
      String name = requiredString(m, "name", u);
      checkName(name, m.get("name"), "user");
      if (!userNames.add(AccountStore.key(name))) {
        throw error(m.get("name"), "user '" + name + "' is defined twice");
      }
      if (groupsByName.containsKey(AccountStore.key(name))) {
        throw error(m.get("name"), "'" + name + "' is both a user and a group");
      }
      long rid = rid(m, u, usedRids, name);
      boolean hasPassword = m.containsKey("password") && !isNull(m.get("password"));
      boolean hasHash = m.containsKey("nthash") && !isNull(m.get("nthash"));
      if (hasPassword == hasHash) {
        throw error(u, "user '" + name + "' needs exactly one of 'password' and 'nthash'");
      }
      byte[] ntHash;
      char[] password = null;
      if (hasPassword) {
        password = scalar(m.get("password"), "password").toCharArray();
        ntHash = NtHash.of(password);
      } else {
        try {
          ntHash = NtHash.fromHex(scalar(m.get("nthash"), "nthash"));
        } catch (IllegalArgumentException e) {
          throw error(m.get("nthash"), "nthash of user '" + name + "' must be 32 hexadecimal digits");
        }
      }
      boolean disabled = false;
      if (m.containsKey("disabled") && !isNull(m.get("disabled"))) {
        String d = scalar(m.get("disabled"), "disabled");
        if (!d.equals("true") && !d.equals("false")) {
          throw error(m.get("disabled"), "disabled must be true or false, not '" + d + "'");
        }
        disabled = d.equals("true");
      }
      List<String> memberOf = stringList(m, "groups");
      for (String g : memberOf) {
        if (!groupsByName.containsKey(AccountStore.key(g))) {
          throw error(m.get("groups"), "user '" + name + "' is in group '" + g + "', which the 'groups' list does not define");
        }
      }
      List<String> privileges = stringList(m, "privileges");
      users.add(new Account(name, rid, ntHash, password, disabled, memberOf, privileges));
      if (password != null) {
        java.util.Arrays.fill(password, '\0');
      }
    }
    return new AccountStore(domain, realm, sid, users, groups);
  }

  private long rid(Map<String, Node> m, Node owner, Map<String, Long> used, String name)
      throws AccountsFileException {
    String text = requiredString(m, "rid", owner);
    long rid;
    try {
      rid = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error(m.get("rid"), "rid of '" + name + "' must be a number, not '" + text + "'");
    }
    if (rid <= 0 || rid > 0xFFFFFFFFL) {
      throw error(m.get("rid"), "rid of '" + name + "' must be between 1 and 4294967295");
    }
    if (rid == AccountStore.DOMAIN_USERS_RID) {
      throw error(m.get("rid"), "rid 513 is reserved for Domain Users");
    }
    for (Map.Entry<String, Long> e : used.entrySet()) {
      if (e.getValue() == rid) {
        throw error(m.get("rid"), "rid " + rid + " of '" + name + "' is already used by '" + e.getKey() + "'");
      }
    }
    used.put(name, rid);
    return rid;
  }

  private void checkName(String name, Node node, String what) throws AccountsFileException {
    if (!ACCOUNT_NAME.matcher(name).matches()) {
      throw error(node, what + " name '" + name + "' is empty, too long or contains a character not allowed in account names");
    }
  }

  private Map<String, Node> mapping(Node node, String what) throws AccountsFileException {
    if (!(node instanceof MappingNode mn)) {
      throw error(node, what + " must be a mapping of keys to values");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : mn.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw error(t.getKeyNode(), "keys must be plain names");
      }
      if (out.put(k.getValue(), t.getValueNode()) != null) {
        throw error(k, "key '" + k.getValue() + "' appears twice");
      }
    }
    return out;
  }

  private List<Node> sequence(Node node, String what) throws AccountsFileException {
    if (!(node instanceof SequenceNode sn)) {
      throw error(node, what + " must be a list");
    }
    return sn.getValue();
  }

  private String requiredString(Map<String, Node> m, String key, Node owner) throws AccountsFileException {
    Node n = m.get(key);
    if (n == null || isNull(n)) {
      throw error(owner, "'" + key + "' is missing");
    }
    String v = scalar(n, key);
    if (v.isBlank()) {
      throw error(n, "'" + key + "' is empty");
    }
    return v;
  }

  private String optionalString(Map<String, Node> m, String key, String dflt) throws AccountsFileException {
    Node n = m.get(key);
    return n == null || isNull(n) ? dflt : scalar(n, key);
  }

  private List<String> stringList(Map<String, Node> m, String key) throws AccountsFileException {
    Node n = m.get(key);
    if (n == null || isNull(n)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : sequence(n, "'" + key + "'")) {
      out.add(scalar(item, key));
    }
    return out;
  }

  private String scalar(Node node, String key) throws AccountsFileException {
    if (!(node instanceof ScalarNode s)) {
      throw error(node, "'" + key + "' must be a single value");
    }
    return s.getValue();
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s && n.getTag().getValue().endsWith(":null");
  }

  private AccountsFileException error(Node node, String problem) {
    int line = node != null && node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
    return new AccountsFileException(source, line, problem);
  }
}
