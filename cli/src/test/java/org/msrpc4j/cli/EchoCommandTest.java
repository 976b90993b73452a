package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.interfaces.echo.Rpcecho;
import org.msrpc4j.interfaces.echo.RpcechoDispatcher;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import org.msrpc4j.runtime.epm.EndpointRegistry;
import org.msrpc4j.runtime.epm.EpmDispatcher;
import org.msrpc4j.runtime.server.RpcServer;

/** {@code msrpc echo}, {@code epm} and {@code mgmt} against an in-JVM server. */
class EchoCommandTest {
  private RpcServer server;
  private RpcServer epm;

  @BeforeEach
  void start() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).register(new RpcechoDispatcher(new SambaEchoServer())).build().start();
    EndpointRegistry registry = new EndpointRegistry();
    registry.registerTcp(Rpcecho.INTERFACE_ID, server.port(), "rpcecho");
    epm = RpcServer.builder().listen("127.0.0.1", 0).register(new EpmDispatcher(registry)).build().start();
  }

  @AfterEach
  void stop() {
    server.shutdown(Duration.ofSeconds(1));
    epm.shutdown(Duration.ofSeconds(1));
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Msrpc.commandLine().execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void echoOperations() {
    String b = "ncacn_ip_tcp:127.0.0.1[" + server.port() + "]";
    assertThat(run("echo", b, "addone", "41")).satisfies(r -> {
      assertThat(r.exit()).isZero();
      assertThat(r.out().trim()).isEqualTo("42");
    });
    // uint32 arithmetic, printed unsigned
    assertThat(run("echo", b, "addone", "4294967295").out().trim()).isEqualTo("0");
    assertThat(run("echo", b, "addone", "2147483647").out().trim()).isEqualTo("2147483648");
    assertThat(run("echo", b, "echodata", "70000").out()).contains("echodata: 70000 bytes echoed");
    assertThat(run("echo", b, "sourcedata", "300").out()).contains("sourcedata: 300 bytes received");
    assertThat(run("echo", b, "sinkdata", "10").out()).contains("sinkdata: 10 bytes sent");
    assertThat(run("echo", b, "testsleep", "0").out()).contains("testsleep: 0");
  }

  @Test
  void epmListsTheRegisteredEndpoints() {
    Run r = run("epm", "ncacn_ip_tcp:127.0.0.1[" + epm.port() + "]");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("60a15ec5-4de8-11d7-a637-005056a20182 v1.0  ncacn_ip_tcp:127.0.0.1[" + server.port() + "]  \"rpcecho\"")
        .contains("1 endpoint(s)");
  }

  @Test
  void mgmtReportsInterfacesAndListening() {
    Run r = run("mgmt", "ncacn_ip_tcp:127.0.0.1[" + server.port() + "]");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("60a15ec5-4de8-11d7-a637-005056a20182 v1.0").contains("listening: yes").contains("stats: calls_in=");
  }

  @Test
  void errorsExitNonZeroWithTheStatus() {
    Run r = run("echo", "ncacn_ip_tcp:127.0.0.1[1]", "addone", "1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("RPC_S_SERVER_UNAVAILABLE");
    assertThat(run("epm", "bogus").err()).contains("RPC_S_INVALID_STRING_BINDING");
  }
}
