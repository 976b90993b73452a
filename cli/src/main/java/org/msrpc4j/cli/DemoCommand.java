package org.msrpc4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentity;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.echo.RpcEcho;
import org.msrpc4j.runtime.epm.EndpointRegistry;
import org.msrpc4j.runtime.epm.EpmDispatcher;
import org.msrpc4j.runtime.mgmt.RpcMgmt;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code msrpc demo}: the whole seed in one command, with no set-up. Starts an embedded KDC with
 * demo accounts (alice in engineers, bob in sales), a server on a free loopback port serving the
 * secure object store, rpcecho, mgmt and the identity interface, then narrates: the SPN made like
 * DsMakeSpn, alice with Kerberos at privacy creating a folder with an inheritable ACL, bob with
 * NTLM at integrity denied, alice granting bob read, bob reading, an anonymous caller whose
 * impersonation fails with 1765, a context handle keeping integrity after its binding moved to
 * privacy, and every store call's level as the server saw it. Exit 0 when every step went as
 * told, 1 otherwise. Not thread-safe (one invocation).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the seed scenario end to end: embedded KDC, server, alice (Kerberos, privacy) and bob",
        "(NTLM, integrity) against the secure object store, with a narrated transcript."})
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--keep-running", description = "Leave the KDC and server up afterwards (Ctrl-C stops) and print how to reach them.")
  boolean keepRunning;

  @Option(names = "--data", paramLabel = "DIR", description = "Where the store and krb5.conf go (default: a new temporary directory).")
  Path data;

  @Option(names = "--color", negatable = true, description = "Colour the transcript (default: when on a terminal).")
  Boolean color;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // The libraries log each association and KDC exchange at INFO; in the demo that would bury the
    // story, so unless the user chose a level, only warnings are shown (slf4j-simple reads this
    // when a logger is first made, which for the runtime and the KDC is after this point).
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    boolean colour = color != null ? color : System.console() != null && System.getenv("NO_COLOR") == null;
    DemoCommandTranscript t = new DemoCommandTranscript(out, colour);
    Path dir;
    try {
      dir = data != null ? Files.createDirectories(data) : Files.createTempDirectory("msrpc4j-demo");
    } catch (IOException e) {
      spec.commandLine().getErr().println("msrpc demo: cannot create the data directory: " + e.getMessage());
      return 1;
    }
    t.plain("msrpc4j demo: authenticated MS-RPC, impersonation and access checks, end to end");
    DemoCommandRealm realm;
    try {
      realm = new DemoCommandRealm(dir);
    } catch (IOException | RpcException | StoreException e) {
      spec.commandLine().getErr().println("msrpc demo: cannot start: " + e.getMessage());
      return 1;
    }
    try {
      t.step("Set-up");
      t.say("embedded KDC for realm " + DemoCommandRealm.REALM + ": alice (engineers), bob (sales); passwords random for this run");
      t.say("server: ncacn_ip_tcp:127.0.0.1[" + realm.port() + "] serving the secure object store, rpcecho, mgmt, identity");
      t.say("store database: " + dir.resolve("store").resolve("store.db"));
      boolean ok = new DemoCommandScenario(realm, t).run();
      t.plain("");
      t.plain(ok ? "demo: every step went as told." : "demo: some steps did not go as told (see UNEXPECTED above).");
      if (keepRunning) {
        keepRunning(t, realm, dir);
      }
      return ok ? 0 : 1;
    } catch (RpcException | StoreException e) {
      spec.commandLine().getErr().println("msrpc demo: a call failed: " + e.getMessage());
      return 1;
    } finally {
      realm.close();
    }
  }

  /** An endpoint mapper on 127.0.0.1:135 for the demo's interfaces, or null when the port cannot be had. */
  private static RpcServer startEndpointMapper(DemoCommandRealm realm) {
    EndpointRegistry registry = new EndpointRegistry();
    registry.registerTcp(RpcEcho.INTERFACE, realm.port(), "rpcecho (msrpc4j demo)");
    registry.registerTcp(RpcMgmt.INTERFACE, realm.port(), "remote management (msrpc4j demo)");
    registry.registerTcp(Msrpc4jIdentity.INTERFACE_ID, realm.port(), "identity (msrpc4j demo)");
    registry.registerTcp(StoreCommandServing.INTERFACE, realm.port(), "secure object store (msrpc4j demo)");
    try {
      return RpcServer.builder().register(new EpmDispatcher(registry)).listen("127.0.0.1", 135).build().start();
    } catch (Exception e) {
      // Netty reports a bind failure (port in use, no privilege) as a BindException thrown sneakily.
      return null;
    }
  }

  private static void keepRunning(DemoCommandTranscript t, DemoCommandRealm realm, Path dir) {
    String b = "ncacn_ip_tcp:127.0.0.1[" + realm.port() + "]";
    t.plain("");
    t.plain("The KDC and the server stay up (Ctrl-C stops them). Demo accounts (this run only):");
    t.plain("  alice / " + realm.alicePassword + "    bob / " + realm.bobPassword);
    t.plain("  ./msrpc store '" + b + "' -U 'DEMO/alice%" + realm.alicePassword + "' --level privacy ls /");
    t.plain("  ./msrpc store '" + b + "' -U 'DEMO/bob%" + realm.bobPassword + "' get /projects/plan.txt");
    t.plain("  ./msrpc whoami '" + b + "' -U 'DEMO/alice%" + realm.alicePassword + "'");
    // rpcclient asks the endpoint mapper on port 135 even when the binding names a port.
    RpcServer epm = startEndpointMapper(realm);
    if (epm != null) {
      t.plain("  rpcclient -U 'DEMO/alice%" + realm.alicePassword + "' -c 'echoaddone 41' 'ncacn_ip_tcp:127.0.0.1[" + realm.port() + ",sign]'");
    } else {
      t.plain("  (rpcclient asks the endpoint mapper on 127.0.0.1 port 135 first, which is taken or needs root here;");
      t.plain("   where it is free the demo serves one, and rpcclient -U 'DEMO/alice%…' -c 'echoaddone 41' 'ncacn_ip_tcp:127.0.0.1[PORT,sign]' works)");
    }
    t.plain("  KRB5_CONFIG=" + dir.resolve("krb5.conf") + " kinit alice@" + DemoCommandRealm.REALM);
    CountDownLatch stop = new CountDownLatch(1);
    if (epm != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(epm::close, "msrpc-demo-epm-stop"));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "msrpc-demo-stop"));
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
