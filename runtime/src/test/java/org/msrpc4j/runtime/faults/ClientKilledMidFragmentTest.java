package org.msrpc4j.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.msrpc4j.runtime.faults.FaultsInterface.u32;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.server.RpcServer;

/**
 * A client process killed in the middle of a fragment: the server drops the half-reassembled call
 * (it is never dispatched), ends the association and runs down the context handle the dead client
 * held; other clients' calls succeed during and after.
 */
class ClientKilledMidFragmentTest {
  private final FaultsInterface handler = new FaultsInterface();
  private RpcServer server;
  private RpcClient client;
  private Process child;

  @BeforeEach
  void start() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).register(handler).build().start();
    client = RpcClient.create();
  }

  @AfterEach
  void stop() throws Exception {
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    client.close();
    server.shutdown(Duration.ZERO);
  }

  @Test
  void theServerFreesTheDeadClientsCallAndAssociationAndRunsItsHandleDown() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MidFragmentClient.class.getName(),
        String.valueOf(server.port())).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
      try {
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
          if (line.equals("READY")) {
            return line;
          }
          seen.append(line).append('\n');
        }
        return seen.toString();
      } catch (java.io.IOException e) {
        return e.toString();
      }
    });
    assertThat(ready.get(60, TimeUnit.SECONDS)).isEqualTo("READY");

    try (RpcChannel other = client.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
      // During: the half-sent call holds reassembly state on its connection only.
      for (int i = 0; i < 20; i++) {
        assertThat(other.call(FaultsInterface.ID, FaultsInterface.ECHO, u32(i))).containsExactly(u32(i));
      }
      assertThat(handler.rundowns).isEmpty();

      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      // The connection's end ends its association group: the handle is run down.
      assertThat(handler.rundown.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(handler.rundowns).containsExactly(MidFragmentClient.HANDLE_VALUE);

      // After: other clients go on; the dead client's partial echo never reached the interface.
      for (int i = 0; i < 20; i++) {
        assertThat(other.call(FaultsInterface.ID, FaultsInterface.ECHO, u32(i))).containsExactly(u32(i));
      }
      assertThat(handler.callers).hasSize(40);
      // Calls in: the child's open and the 40 echoes; its unfinished echo was never counted as a call.
      assertThat(server.statistics().callsIn()).isEqualTo(41);
    }
  }
}
