package org.msrpc4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.auth.ClientSecurity;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;

/**
 * An acknowledged write survives kill -9: a server in its own JVM is SIGKILLed
 * ({@link Process#destroyForcibly()} on Unix) while a client streams writes; after a restart on the
 * same data directory every write the server had acknowledged is there, with its data.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  private static Process startServer(Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashTestServerMain.class.getName(), data.toString());
    pb.redirectErrorStream(true);
    return pb.start();
  }

  private static int readPort(Process p) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("PORT ")) {
        int port = Integer.parseInt(line.substring(5).trim());
        // keep draining so the child never blocks on a full pipe
        Thread drain = new Thread(() -> {
          try {
            while (r.readLine() != null) {
              // discard
            }
          } catch (java.io.IOException ignored) {
            // the process died
          }
        });
        drain.setDaemon(true);
        drain.start();
        return port;
      }
    }
    throw new AssertionError("the server did not start (exit " + p.waitFor() + ")");
  }

  private static StoreClient open(RpcClient client, int port) throws Exception {
    RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", port));
    ch.setAuthInfo("host/localhost", AuthnLevel.PKT_INTEGRITY, AuthnService.WINNT,
        ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray()), AuthzService.NONE);
    return StoreClient.open(ch);
  }

  private static byte[] payload(int i) {
    return ("record " + i + " " + "x".repeat(i % 97)).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    Path data = dir.resolve("data");
    Process server = startServer(data);
    List<Integer> acknowledged = new ArrayList<>();
    int lastCounter = -1;
    try (RpcClient client = RpcClient.create(ClientSettings.defaults(), null, ClientSecurity.defaults())) {
      StoreClient store = open(client, readPort(server));
      store.create("/", "log", true, null, null);
      store.create("/", "counter", false, null, new byte[] {0});
      Thread killer = null;
      try {
        for (int i = 0; i < 100_000; i++) {
          store.create("/log", "r" + i, false, null, payload(i));
          acknowledged.add(i);
          store.write("/counter", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
          lastCounter = i;
          if (i == 150) {
            // Kill from another thread so that the kill lands while writes are in flight.
            Process victim = server;
            killer = new Thread(() -> {
              try {
                Thread.sleep(40);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              victim.destroyForcibly();
            });
            killer.start();
          }
        }
        throw new AssertionError("the server was not killed");
      } catch (RpcException expected) {
        // the connection died with the server
      }
      killer.join();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }
    assertThat(acknowledged).hasSizeGreaterThan(150);

    server = startServer(data);
    try (RpcClient client = RpcClient.create(ClientSettings.defaults(), null, ClientSecurity.defaults())) {
      StoreClient store = open(client, readPort(server));
      for (int i : acknowledged) {
        assertThat(store.read("/log/r" + i)).as("acknowledged record %d", i).isEqualTo(payload(i));
      }
      int counter = Integer.parseInt(new String(store.read("/counter"), StandardCharsets.UTF_8));
      // The write in flight at the kill may or may not have committed; no acknowledged one is lost.
      assertThat(counter).isBetween(lastCounter, lastCounter + 1);
      int listed = store.list("/log").size();
      assertThat(listed).isBetween(acknowledged.size(), acknowledged.size() + 1);
    } finally {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
