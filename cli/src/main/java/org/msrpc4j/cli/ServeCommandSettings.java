package org.msrpc4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.msrpc4j.runtime.epm.RpcEpm;
import org.msrpc4j.security.AuthnLevel;

/**
 * Merges {@code msrpc serve --config FILE} into the command's options: a key fills its option only
 * when the command line did not give that option, so flags always win. Then resolves the
 * per-interface minimum levels. Stateless.
 */
final class ServeCommandSettings {
  private ServeCommandSettings() {}

  /**
   * Applies the config file (if any) to {@code cmd} and returns the per-interface minimums, with
   * the endpoint mapper's made explicit (NONE unless configured) so that the server-wide
   * {@code --min-level} never locks clients out of endpoint lookups.
   *
   * @param given whether an option (by its longest name, e.g. {@code --listen}) was on the command line
   * @throws ServeCommandRunning.StartFailed with exit code 2 after printing why
   */
  static Map<UUID, AuthnLevel> resolve(ServeCommand cmd, Predicate<String> given) throws ServeCommandRunning.StartFailed {
    ServeCommandConfig config = null;
    if (cmd.config != null) {
      try {
        config = ServeCommandConfig.load(cmd.config);
      } catch (ServeCommandConfig.Invalid e) {
        System.err.println("msrpc serve: --config " + e.getMessage());
        throw new ServeCommandRunning.StartFailed(2);
      }
      apply(config, cmd, given);
    }
    if (cmd.listen == null || cmd.listen.isEmpty()) {
      System.err.println("msrpc serve: give --listen HOST:PORT (or 'listen:' in the --config file)");
      throw new ServeCommandRunning.StartFailed(2);
    }
    Map<UUID, AuthnLevel> minimums;
    try {
      minimums = new LinkedHashMap<>(ServeCommandMinimums.parse(config == null ? null : config.minLevels, cmd.minLevelFor));
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc serve: " + e.getMessage());
      throw new ServeCommandRunning.StartFailed(2);
    }
    minimums.putIfAbsent(RpcEpm.INTERFACE.uuid(), AuthnLevel.NONE);
    return minimums;
  }

  private static void apply(ServeCommandConfig c, ServeCommand cmd, Predicate<String> given) {
    if (c.listen != null && !given.test("--listen")) {
      cmd.listen = new ArrayList<>(c.listen);
    }
    if (c.epmPort != null && !given.test("--epm-port")) {
      cmd.epmPort = c.epmPort;
    }
    if (c.accounts != null && !given.test("--accounts")) {
      cmd.accounts = c.accounts;
    }
    if (c.minLevel != null && !given.test("--min-level")) {
      cmd.minLevel = c.minLevel;
    }
    if (c.keytab != null && !given.test("--keytab")) {
      cmd.keytab = c.keytab;
    }
    if (c.realm != null && !given.test("--realm")) {
      cmd.realm = c.realm;
    }
    if (c.spns != null && !given.test("--spn")) {
      // mgmt inq_princ_name reports one name: the first; the keytab decides which tickets are accepted.
      cmd.spn = c.spns.get(0);
    }
    if (c.embeddedKdc != null && !given.test("--embedded-kdc")) {
      cmd.embeddedKdcPort = c.embeddedKdc;
    }
    if (c.krb5confOut != null && !given.test("--krb5conf-out")) {
      cmd.krb5ConfOut = c.krb5confOut;
    }
    if (c.data != null && !given.test("--data")) {
      cmd.data = c.data;
    }
    if (c.allowRemoteStop != null && !given.test("--allow-remote-stop")) {
      cmd.allowRemoteStop = c.allowRemoteStop;
    }
    if (c.maxConnections != null && !given.test("--max-connections")) {
      cmd.maxConnections = c.maxConnections;
    }
    if (c.grace != null && !given.test("--grace")) {
      cmd.graceSeconds = c.grace;
    }
  }

  /** The names of the per-interface minimums for the banner, or "" when only the defaults apply. */
  static String banner(Map<UUID, AuthnLevel> minimums) {
    Map<UUID, AuthnLevel> shown = new LinkedHashMap<>(minimums);
    shown.remove(RpcEpm.INTERFACE.uuid(), AuthnLevel.NONE);
    return shown.isEmpty() ? "" : ServeCommandMinimums.describe(shown);
  }

  /** The interfaces serve answers (the store only with --data), each given the auth-log callback. */
  static List<UUID> served(boolean store) {
    List<UUID> out = new ArrayList<>(List.of(ServeCommandMinimums.KNOWN.get("echo"), ServeCommandMinimums.KNOWN.get("mgmt"),
        ServeCommandMinimums.KNOWN.get("identity"), RpcEpm.INTERFACE.uuid()));
    if (store) {
      out.add(ServeCommandMinimums.KNOWN.get("store"));
    }
    return out;
  }
}
