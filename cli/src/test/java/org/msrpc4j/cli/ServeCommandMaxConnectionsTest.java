package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.interfaces.echo.RpcechoClient;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import picocli.CommandLine;

/**
 * {@code msrpc serve --max-connections N} (and the config file's {@code maxConnections}) reach the
 * server: with room for one connection, a second client is turned away while the first, bound one
 * keeps working; with room for two, both are served.
 */
class ServeCommandMaxConnectionsTest {
  @TempDir Path dir;
  ServeCommandRunning running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.stop(Duration.ZERO);
    }
  }

  ServeCommandRunning serve(String... args) throws Exception {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command.start();
  }

  RpcClient client() {
    // No retries: a refused connection must show as an error, not be retried on another one.
    return RpcClient.create(ClientSettings.defaults().withConnectTimeout(Duration.ofSeconds(5))
        .withCallTimeout(Duration.ofSeconds(10)).withRetry(org.msrpc4j.runtime.client.RetryPolicy.none()), null);
  }

  RpcChannel channel(RpcClient client) throws RpcException {
    return client.channel(RpcBinding.tcp("127.0.0.1", running.boundAddresses().get(0).getPort()));
  }

  @Test
  void aSecondClientIsTurnedAwayWhenOnlyOneConnectionIsAllowed() throws Exception {
    running = serve("--listen", "127.0.0.1:0", "--epm-port", "0", "--max-connections", "1");
    try (RpcClient first = client(); RpcChannel a = channel(first);
         RpcClient second = client(); RpcChannel b = channel(second)) {
      assertThat(new RpcechoClient(a).echoAddOne(1).outData()).isEqualTo(2);
      assertThatThrownBy(() -> new RpcechoClient(b).echoAddOne(1)).isInstanceOf(RpcException.class);
      assertThat(new RpcechoClient(a).echoAddOne(2).outData()).as("the bound connection is kept").isEqualTo(3);
    }
  }

  @Test
  void theConfigFileSetsTheLimitAndTwoClientsFit() throws Exception {
    Path config = dir.resolve("serve.yaml");
    Files.writeString(config, "listen: 127.0.0.1:0\nepmPort: 0\nmaxConnections: 2\n");
    running = serve("--config", config.toString());
    try (RpcClient first = client(); RpcChannel a = channel(first);
         RpcClient second = client(); RpcChannel b = channel(second)) {
      assertThat(new RpcechoClient(a).echoAddOne(1).outData()).isEqualTo(2);
      assertThat(new RpcechoClient(b).echoAddOne(5).outData()).isEqualTo(6);
    }
  }
}
