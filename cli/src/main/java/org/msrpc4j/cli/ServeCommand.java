package org.msrpc4j.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.msrpc4j.interfaces.echo.Rpcecho;
import org.msrpc4j.interfaces.echo.RpcechoDispatcher;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentity;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.epm.EndpointRegistry;
import org.msrpc4j.runtime.epm.EpmDispatcher;
import org.msrpc4j.runtime.epm.RpcEpm;
import org.msrpc4j.runtime.mgmt.RpcMgmt;
import org.msrpc4j.runtime.server.RpcServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code msrpc serve}: an RPC server with the management interface, the endpoint mapper and
 * rpcecho, for interop tests. Runs until Ctrl-C, then drains calls in flight.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve rpcecho, the management and identity interfaces and (with --data) the store on the --listen",
        "addresses, and the endpoint mapper on --epm-port of each listening host. Options may come from a",
        "--config YAML file. Logs each association, each authentication (who, how, level) once per security",
        "context and each access denial; Ctrl-C stops cleanly."})
public final class ServeCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = {"YAML file with a key per option (cli/src/main/resources/serve-example.yaml is a commented example);",
          "options given on the command line override it."})
  java.nio.file.Path config;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Address to listen on (repeatable; required here or in --config); port 0 picks a free port.")
  List<String> listen = new ArrayList<>();

  @Option(names = "--epm-port", paramLabel = "PORT", defaultValue = "135",
      description = "Endpoint mapper port on each listening host (default ${DEFAULT-VALUE}; 0 = no endpoint mapper).")
  int epmPort;

  @Option(names = "--accounts", paramLabel = "FILE",
      description = "YAML accounts file: callers authenticate with NTLM against it (also serves the identity interface's WhoAmI).")
  java.nio.file.Path accounts;

  @Option(names = "--keytab", paramLabel = "FILE",
      description = "Keytab of the service principal: callers authenticate with Kerberos (tokens from their PAC).")
  java.nio.file.Path keytab;

  @Option(names = "--realm", paramLabel = "REALM", description = "The Kerberos realm of the service (informational).")
  String realm;

  @Option(names = "--spn", paramLabel = "SPN", description = "The service principal name (reported by mgmt inq_princ_name).")
  String spn;

  @Option(names = "--embedded-kdc", paramLabel = "PORT", arity = "0..1", fallbackValue = "0",
      description = {"Start a KDC in this process for the --accounts realm (its users plus the service principal,",
          "--spn or host/<first listen host>), on PORT (default: any free one); adds Kerberos and Negotiate."})
  Integer embeddedKdcPort;

  @Option(names = "--krb5conf-out", paramLabel = "FILE",
      description = "With --embedded-kdc: where to write the clients' krb5.conf (default: a new temporary file; the path is printed).")
  java.nio.file.Path krb5ConfOut;

  @Option(names = "--min-level", paramLabel = "LEVEL",
      description = "Minimum authentication level for every interface: none, connect, call, pkt, integrity, privacy (default none).")
  String minLevel;

  @Option(names = "--min-level-for", paramLabel = "IFACE=LEVEL",
      description = {"Minimum level for one interface (repeatable), overriding --min-level: IFACE is echo, mgmt, epm,",
          "identity, store or a uuid; calls below it are refused with status 5 (access denied)."})
  List<String> minLevelFor = new ArrayList<>();

  @Option(names = "--data", paramLabel = "DIR",
      description = "Serve the secure object store with its SQLite database under DIR (created when missing).")
  java.nio.file.Path data;

  @Option(names = "--allow-remote-stop", description = "Honour mgmt stop_server_listening.")
  boolean allowRemoteStop;

  @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "10",
      description = "Time given to calls in flight when stopping (default ${DEFAULT-VALUE}).")
  int graceSeconds;

  @Option(names = "--max-connections", paramLabel = "N",
      description = "Connections open at once on each listener (default: the runtime's, 4096). Raise it, with "
          + "`ulimit -n`, to hold many idle clients; each idle connection costs a few KiB of heap.")
  Integer maxConnections;

  @Override
  public Integer call() {
    ServeCommandRunning running;
    try {
      running = start();
    } catch (ServeCommandRunning.StartFailed e) {
      return e.exitCode();
    }
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("msrpc serve: stopping (draining calls in flight for up to " + graceSeconds + " s)");
      running.stop(Duration.ofSeconds(graceSeconds));
      stopped.countDown();
    }, "msrpc-serve-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Starts everything the options ask for and prints where it listens; {@link #call} then waits
   * for Ctrl-C. Tests call this directly and stop what it returns.
   *
   * @return the running servers, store and KDC
   * @throws ServeCommandRunning.StartFailed after printing why (nothing is left running)
   */
  ServeCommandRunning start() throws ServeCommandRunning.StartFailed {
    picocli.CommandLine.ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
    java.util.Map<java.util.UUID, org.msrpc4j.security.AuthnLevel> minimums =
        ServeCommandSettings.resolve(this, name -> parsed != null && parsed.hasMatchedOption(name));
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String l : listen) {
      InetSocketAddress a = parse(l);
      if (a == null) {
        System.err.println("msrpc serve: bad --listen '" + l + "': expected HOST:PORT");
        throw new ServeCommandRunning.StartFailed(2);
      }
      addresses.add(a);
    }
    if (krb5ConfOut != null && embeddedKdcPort == null) {
      System.err.println("msrpc serve: --krb5conf-out needs --embedded-kdc");
      throw new ServeCommandRunning.StartFailed(2);
    }
    ServeCommandKdc kdc = embeddedKdcPort == null ? null
        : new ServeCommandKdc(addresses.get(0).getHostString(), embeddedKdcPort, spn, krb5ConfOut);
    EndpointRegistry registry = new EndpointRegistry();
    RpcServer.Builder main = RpcServer.builder().allowRemoteStop(allowRemoteStop)
        .register(new RpcechoDispatcher(new SambaEchoServer()))
        .register(new WhoamiCommandServer());
    org.msrpc4j.runtime.auth.ServerAuthPolicy policy;
    try {
      policy = ServeCommandMinimums.policy(ServeCommandAccounts.policy(accounts, keytab, minLevel, kdc), minimums,
          ServeCommandSettings.served(data != null), new ServeCommandAuthLog());
      main.authentication(policy);
      if (!ServeCommandSettings.banner(minimums).isEmpty()) {
        System.out.println("minimum authentication level per interface: " + ServeCommandSettings.banner(minimums));
      }
      if (spn != null) {
        main.principalName(spn);
      } else if (kdc != null) {
        main.principalName(kdc.spn());
      }
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc serve: " + e.getMessage());
      if (kdc != null) {
        kdc.close();
      }
      throw new ServeCommandRunning.StartFailed(2);
    }
    StoreCommandServing.Served store = null;
    if (data != null) {
      try {
        store = StoreCommandServing.open(data);
      } catch (org.msrpc4j.store.StoreException e) {
        System.err.println("msrpc serve: " + e.getMessage());
        if (kdc != null) {
          kdc.close();
        }
        throw new ServeCommandRunning.StartFailed(1);
      }
      main.register(store.dispatcher());
    }
    final StoreCommandServing.Served served = store;
    if (maxConnections != null) {
      main.settings(org.msrpc4j.runtime.server.ServerSettings.defaults().withMaxConnections(maxConnections));
    }
    addresses.forEach(main::listen);
    List<RpcServer> servers = new ArrayList<>();
    try {
      RpcServer server = main.build().start();
      servers.add(server);
      Set<Integer> ports = new LinkedHashSet<>();
      for (InetSocketAddress a : server.boundAddresses()) {
        ports.add(a.getPort());
        System.out.println("rpcecho, mgmt: ncacn_ip_tcp:" + a.getAddress().getHostAddress() + "[" + a.getPort() + "]");
      }
      for (int p : ports) {
        registry.registerTcp(Rpcecho.INTERFACE_ID, p, "rpcecho (msrpc4j)");
        registry.registerTcp(RpcMgmt.INTERFACE, p, "remote management (msrpc4j)");
        registry.registerTcp(Msrpc4jIdentity.INTERFACE_ID, p, "identity (msrpc4j)");
        if (served != null) {
          registry.registerTcp(StoreCommandServing.INTERFACE, p, "secure object store (msrpc4j)");
        }
      }
      if (epmPort > 0) {
        RpcServer.Builder epm = RpcServer.builder().register(new EpmDispatcher(registry)).authentication(policy);
        Set<String> hosts = new LinkedHashSet<>();
        for (InetSocketAddress a : addresses) {
          hosts.add(a.getHostString());
        }
        hosts.forEach(h -> epm.listen(h, epmPort));
        RpcServer epmServer = epm.build().start();
        servers.add(epmServer);
        registry.registerTcp(RpcEpm.INTERFACE, epmPort, "endpoint mapper (msrpc4j)");
        for (InetSocketAddress a : epmServer.boundAddresses()) {
          System.out.println("epmapper: ncacn_ip_tcp:" + a.getAddress().getHostAddress() + "[" + a.getPort() + "]");
        }
      }
    } catch (RpcException e) {
      System.err.println("msrpc serve: " + e.getMessage());
      new ServeCommandRunning(servers, served, kdc).stop(Duration.ZERO);
      throw new ServeCommandRunning.StartFailed(1);
    }
    ServeCommandRunning running = new ServeCommandRunning(servers, served, kdc);
    if (kdc != null) {
      kdc.howToConnect(running.boundAddresses().get(0).getPort(), null).forEach(System.out::println);
    }
    return running;
  }

  /** HOST:PORT, with [v6]:PORT accepted too. */
  static InetSocketAddress parse(String s) {
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      return null;
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(s.substring(colon + 1));
      if (port < 0 || port > 65535) {
        return null;
      }
      return new InetSocketAddress(host, port);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
