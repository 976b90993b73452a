package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.interfaces.echo.RpcechoClient;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentityClient;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import picocli.CommandLine;

/**
 * {@code msrpc serve --config FILE} started in-process from a YAML file whose per-interface minimum
 * (echo at privacy) refuses a call below it with status 5, while the identity interface keeps the
 * file's server-wide minimum; and each security context is logged once.
 */
class ServeCommandMinimumsTest {
  static final ClientIdentity ALICE = ClientIdentity.password("EXAMPLE", "alice", "Alic3Pass!x".toCharArray());

  @TempDir Path dir;
  Path config;
  ServeCommandRunning running;
  RpcClient client;

  @BeforeEach
  void writeFiles() throws Exception {
    Files.writeString(dir.resolve("accounts.yaml"), """
        domain: EXAMPLE
        realm: EXAMPLE.TEST
        sid: S-1-5-21-1111111111-2222222222-3333333333
        users:
          - name: alice
            rid: 1104
            password: "Alic3Pass!x"
        """);
    config = dir.resolve("serve.yaml");
    Files.writeString(config, """
        listen: 127.0.0.1:0
        epmPort: 0
        accounts: accounts.yaml
        minLevel: connect
        minLevels:
          echo: privacy
        """);
    client = RpcClient.create();
  }

  @AfterEach
  void stop() {
    client.close();
    if (running != null) {
      running.stop(Duration.ZERO);
    }
  }

  ServeCommandRunning serve(String... args) throws Exception {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command.start();
  }

  RpcChannel channel(AuthnLevel level) throws RpcException {
    RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", running.boundAddresses().get(0).getPort()));
    if (level != AuthnLevel.NONE) {
      ch.setAuthInfo("host/127.0.0.1", level, AuthnService.WINNT, ALICE, AuthzService.NONE);
    }
    return ch;
  }

  @Test
  void aCallBelowTheInterfacesMinimumIsRefusedWithStatus5() throws Exception {
    running = serve("--config", config.toString());
    try (RpcChannel ch = channel(AuthnLevel.PKT_INTEGRITY)) {
      assertThatThrownBy(() -> new RpcechoClient(ch).echoAddOne(41))
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(5));
      assertThat(new Msrpc4jIdentityClient(ch).whoAmI(ch).info().clientPrincipal)
          .as("identity only needs the server-wide minimum").isEqualToIgnoringCase("EXAMPLE\\alice");
    }
    try (RpcChannel ch = channel(AuthnLevel.PKT_PRIVACY)) {
      assertThat(new RpcechoClient(ch).echoAddOne(41).outData()).isEqualTo(42);
    }
    try (RpcChannel ch = channel(AuthnLevel.NONE)) {
      assertThatThrownBy(() -> new Msrpc4jIdentityClient(ch).whoAmI(ch))
          .as("the file's minLevel applies to the rest").isInstanceOfSatisfying(RpcException.class,
              e -> assertThat(e.status()).isEqualTo(5));
    }
  }

  @Test
  void theCommandLineLowersTheFilesMinimum() throws Exception {
    running = serve("--config", config.toString(), "--min-level-for", "echo=integrity");
    try (RpcChannel ch = channel(AuthnLevel.PKT_INTEGRITY)) {
      assertThat(new RpcechoClient(ch).echoAddOne(1).outData()).isEqualTo(2);
    }
  }

  @Test
  void eachSecurityContextIsLoggedOnce() throws Exception {
    running = serve("--config", config.toString());
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (RpcChannel ch = channel(AuthnLevel.PKT_PRIVACY)) {
      RpcechoClient echo = new RpcechoClient(ch);
      echo.echoAddOne(1);
      echo.echoAddOne(2);
      new Msrpc4jIdentityClient(ch).whoAmI(ch);
    } finally {
      System.setErr(oldErr);
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(log.split("authenticated EXAMPLE\\\\alice with WINNT at level PKT_PRIVACY", -1))
        .as(log).hasSize(2);
    assertThat(log).doesNotContain("Alic3Pass!x");
  }

  @Test
  void aPerInterfaceMinimumWithoutAccountsIsAUsageError() {
    assertThatThrownBy(() -> serve("--listen", "127.0.0.1:0", "--epm-port", "0", "--min-level-for", "store=privacy"))
        .isInstanceOfSatisfying(ServeCommandRunning.StartFailed.class, e -> assertThat(e.exitCode()).isEqualTo(2));
  }
}
