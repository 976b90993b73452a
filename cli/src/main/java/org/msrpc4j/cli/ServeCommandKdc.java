package org.msrpc4j.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.kerberos.setup.KerberosProviders;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.accounts.AccountStore;

/**
 * {@code msrpc serve --embedded-kdc[=PORT]}: a KDC in this process for the realm of the accounts
 * file, holding its users and the server's service principal, with a krb5.conf written for clients.
 * Created with the settings, started once by {@link #start}, closed when the server stops. Not
 * thread-safe: one thread starts and closes it.
 */
final class ServeCommandKdc implements AutoCloseable {
  private final String listenHost;
  private final int port;
  private final String spn;
  private final Path krb5ConfOut;
  private KerberosProviders.EmbeddedRealm realm;
  private Path krb5ConfWritten;

  /**
   * @param listenHost the RPC server's first listening host: the KDC listens there too
   * @param port the KDC's TCP port, 0 for any free one
   * @param spn the service principal to create, or null for {@code host/<listenHost>}
   * @param krb5ConfOut where to write the clients' krb5.conf, or null for a new temporary file
   */
  ServeCommandKdc(String listenHost, int port, String spn, Path krb5ConfOut) {
    this.listenHost = listenHost;
    this.port = port;
    this.spn = spn != null ? spn : defaultSpn(listenHost);
    this.krb5ConfOut = krb5ConfOut;
  }

  /** {@code host/<name>}; a wildcard address stands for this machine, whose name clients use. */
  static String defaultSpn(String listenHost) {
    return "host/" + clientHost(listenHost).toLowerCase(Locale.ROOT);
  }

  /** The name clients reach a server listening on {@code host} by. */
  static String clientHost(String host) {
    if (!isWildcard(host)) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0") || host.isEmpty();
  }

  /** @return the service principal name the KDC holds keys for */
  String spn() {
    return spn;
  }

  /**
   * Starts the KDC with every enabled user of {@code store} and the service principal, and writes
   * the clients' krb5.conf.
   *
   * @param store the accounts (realm: the file's realm, else its domain)
   * @param ntlmServer the NTLM server provider, for Negotiate's fallback
   * @return [Kerberos, Negotiate] server providers holding the service keys
   * @throws IOException when the KDC cannot start (port in use …) or the file cannot be written
   */
  List<SecurityProvider> start(AccountStore store, SecurityProvider ntlmServer) throws IOException {
    if (realm != null) {
      throw new IllegalStateException("the embedded KDC is already running");
    }
    // The krb5.conf is written here rather than by KerberosProviders so that a wildcard listening
    // address becomes a name clients can connect to.
    realm = KerberosProviders.embedded(store, listenHost, port, List.of(spn), null, ntlmServer);
    Path conf;
    try {
      conf = krb5ConfOut != null ? krb5ConfOut : Files.createTempFile("msrpc-serve-krb5-", ".conf");
      Krb5Config forClients = Krb5Config.of(realm.kdc().realm(), hostPort(clientHost(listenHost), realm.kdc().port()));
      Files.writeString(conf, forClients.toKrb5ConfText());
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    krb5ConfWritten = conf;
    return realm.serverProviders();
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** @return the realm's name (after {@link #start}) */
  String realmName() {
    return requireStarted().kdc().realm();
  }

  /** @return the KDC's TCP port (after {@link #start}) */
  int kdcPort() {
    return requireStarted().kdc().port();
  }

  /** @return where the clients' krb5.conf was written (after {@link #start}) */
  Path krb5Conf() {
    requireStarted();
    return krb5ConfWritten;
  }

  /**
   * What {@code serve} prints so that a user can reach the server with Kerberos.
   *
   * @param rpcPort a port the RPC server listens on
   * @param exampleUser a user of the accounts file, or null
   * @return the lines to print
   */
  List<String> howToConnect(int rpcPort, String exampleUser) {
    requireStarted();
    String user = exampleUser != null ? exampleUser : "USER";
    String host = clientHost(listenHost);
    String binding = "ncacn_ip_tcp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + "[" + rpcPort + ",seal]";
    return List.of(
        "embedded KDC: realm " + realmName() + " on " + hostPort(host, kdcPort()) + " (TCP), service principal " + spn,
        "krb5.conf for clients: " + krb5ConfWritten,
        "  KRB5_CONFIG=" + krb5ConfWritten + " ./msrpc whoami '" + binding + "' -k -U " + user + "%PASSWORD --spn " + spn,
        "  KRB5_CONFIG=" + krb5ConfWritten + " kinit " + user + "@" + realmName());
  }

  private KerberosProviders.EmbeddedRealm requireStarted() {
    if (realm == null) {
      throw new IllegalStateException("the embedded KDC is not running");
    }
    return realm;
  }

  /** Stops the KDC (nothing when it was never started). */
  @Override
  public void close() {
    if (realm != null) {
      realm.close();
      realm = null;
    }
  }
}
