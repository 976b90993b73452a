package org.msrpc4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code msrpc serve --config FILE} file: one key per command-line flag (see
 * {@code cli/src/main/resources/serve-example.yaml}). Every key is optional; a key the command line
 * also gives is overridden by the command line. Relative paths are resolved against the file's
 * directory, so a config and its accounts/keytab can move together. Unknown keys, wrong types and
 * bad values are errors naming the key and its line. Immutable once loaded; thread-safe.
 */
final class ServeCommandConfig {
  /** Bigger files are refused before parsing: a config is a few hundred bytes. */
  static final int MAX_FILE_BYTES = 256 * 1024;

  /** The keys, in the order of the example file. */
  static final List<String> KEYS = List.of("listen", "epmPort", "accounts", "minLevel", "minLevels", "keytab",
      "realm", "spns", "embeddedKdc", "krb5confOut", "data", "allowRemoteStop", "grace",
      "maxConnections");

  List<String> listen;
  Integer epmPort;
  Path accounts;
  String minLevel;
  /** Interface name or uuid → level name, in file order; already checked by {@link ServeCommandMinimums}. */
  Map<String, String> minLevels;
  Path keytab;
  String realm;
  List<String> spns;
  /** Port of the embedded KDC (0 = any free one), or null when the key is absent or false. */
  Integer embeddedKdc;
  Path krb5confOut;
  Path data;
  Boolean allowRemoteStop;
  Integer grace;
  Integer maxConnections;

  /** A config file that cannot be used; the message names the file, line and key. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  private ServeCommandConfig() {}

  /**
   * Reads and checks a config file.
   *
   * @throws Invalid when the file is unreadable, too big, not YAML, or has an unknown key or a bad value
   */
  static ServeCommandConfig load(Path file) throws Invalid {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new Invalid(file + ": bigger than " + MAX_FILE_BYTES + " bytes; not a serve config");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Invalid("cannot read " + file + ": " + e.getMessage());
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(new java.io.ByteArrayInputStream(bytes), file.toString(), base);
  }

  /**
   * Parses a config document.
   *
   * @param name how messages name the document
   * @param base the directory relative paths are resolved against
   */
  static ServeCommandConfig parse(InputStream in, String name, Path base) throws Invalid {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(10);
    options.setCodePointLimit(MAX_FILE_BYTES);
    Node root;
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(options)).compose(r);
    } catch (YAMLException | IOException e) {
      // snakeyaml's message carries the line and column of the problem.
      throw new Invalid(name + ": not valid YAML: " + e.getMessage());
    }
    ServeCommandConfig c = new ServeCommandConfig();
    if (root == null) {
      return c;
    }
    if (!(root instanceof MappingNode map)) {
      throw new Invalid(name + " line " + line(root) + ": expected a mapping of keys (listen, epmPort, …)");
    }
    new Reading(name, base, c).read(map);
    return c;
  }

  private static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  /** One pass over the document's top-level mapping. */
  private static final class Reading {
    private final String name;
    private final Path base;
    private final ServeCommandConfig c;

    Reading(String name, Path base, ServeCommandConfig c) {
      this.name = name;
      this.base = base;
      this.c = c;
    }

    void read(MappingNode map) throws Invalid {
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          throw new Invalid(name + " line " + line(t.getKeyNode()) + ": keys must be plain names");
        }
        String key = k.getValue();
        if (!seen.add(key)) {
          throw new Invalid(at(k, key) + "given twice");
        }
        Node v = t.getValueNode();
        switch (key) {
          case "listen" -> c.listen = strings(key, v);
          case "epmPort" -> c.epmPort = integer(key, v, 0, 65535);
          case "accounts" -> c.accounts = path(key, v);
          case "minLevel" -> c.minLevel = level(key, v);
          case "minLevels" -> c.minLevels = levels(key, v);
          case "keytab" -> c.keytab = path(key, v);
          case "realm" -> c.realm = scalar(key, v);
          case "spns" -> c.spns = strings(key, v);
          case "embeddedKdc" -> c.embeddedKdc = kdcPort(key, v);
          case "krb5confOut" -> c.krb5confOut = path(key, v);
          case "data" -> c.data = path(key, v);
          case "allowRemoteStop" -> c.allowRemoteStop = bool(key, v);
          case "grace" -> c.grace = integer(key, v, 0, 3600);
          case "maxConnections" -> c.maxConnections = integer(key, v, 1, 1_000_000);
          default -> throw new Invalid(at(k, key) + "unknown key (known: " + String.join(", ", KEYS) + ")");
        }
      }
    }

    private String at(Node n, String key) {
      return name + " line " + line(n) + ", key '" + key + "': ";
    }

    private String scalar(String key, Node v) throws Invalid {
      if (!(v instanceof ScalarNode s) || s.getValue().isEmpty()) {
        throw new Invalid(at(v, key) + "expected a value");
      }
      return s.getValue();
    }

    private List<String> strings(String key, Node v) throws Invalid {
      if (v instanceof ScalarNode) {
        return List.of(scalar(key, v));
      }
      if (!(v instanceof SequenceNode seq)) {
        throw new Invalid(at(v, key) + "expected a list of values");
      }
      List<String> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        out.add(scalar(key, item));
      }
      if (out.isEmpty()) {
        throw new Invalid(at(v, key) + "the list is empty");
      }
      return Collections.unmodifiableList(out);
    }

    private int integer(String key, Node v, int min, int max) throws Invalid {
      String s = scalar(key, v);
      try {
        int n = Integer.parseInt(s);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new Invalid(at(v, key) + "'" + s + "' is not a whole number from " + min + " to " + max);
    }

    private boolean bool(String key, Node v) throws Invalid {
      String s = scalar(key, v);
      return switch (s) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new Invalid(at(v, key) + "'" + s + "' is not true or false");
      };
    }

    /** {@code embeddedKdc: true} = any free port, {@code false} = none, a number = that port. */
    private Integer kdcPort(String key, Node v) throws Invalid {
      String s = scalar(key, v);
      if (s.equals("true")) {
        return 0;
      }
      if (s.equals("false")) {
        return null;
      }
      return integer(key, v, 0, 65535);
    }

    private Path path(String key, Node v) throws Invalid {
      String s = scalar(key, v);
      try {
        Path p = Path.of(s);
        return p.isAbsolute() || base == null ? p : base.resolve(p);
      } catch (InvalidPathException e) {
        throw new Invalid(at(v, key) + "'" + s + "' is not a path");
      }
    }

    private String level(String key, Node v) throws Invalid {
      String s = scalar(key, v);
      try {
        AuthOptions.parseLevel(s);
        return s;
      } catch (IllegalArgumentException e) {
        throw new Invalid(at(v, key) + e.getMessage());
      }
    }

    private Map<String, String> levels(String key, Node v) throws Invalid {
      if (!(v instanceof MappingNode map)) {
        throw new Invalid(at(v, key) + "expected a mapping of interface (echo, mgmt, epm, identity, store or a uuid) to level");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        String iface = scalar(key, t.getKeyNode());
        String sub = key + "." + iface;
        try {
          ServeCommandMinimums.interfaceUuid(iface);
        } catch (IllegalArgumentException e) {
          throw new Invalid(at(t.getKeyNode(), sub) + e.getMessage());
        }
        if (out.put(iface, level(sub, t.getValueNode())) != null) {
          throw new Invalid(at(t.getKeyNode(), sub) + "given twice");
        }
      }
      return Collections.unmodifiableMap(out);
    }
  }
}
