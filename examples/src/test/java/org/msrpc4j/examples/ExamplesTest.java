package org.msrpc4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.store.StoreException;

/** Runs the README's server and client against each other. */
class ExamplesTest {
  @TempDir Path dir;

  /** The README shows these files from their Javadoc on: it must show them as they are. */
  @Test
  void readmeShowsTheExamplesAsTheyAre() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (String name : new String[] {"StoreServerExample", "StoreClientExample"}) {
      String source = Files.readString(Path.of("src/main/java/org/msrpc4j/examples", name + ".java"));
      String shown = source.substring(source.indexOf("/**")).strip();
      assertThat(readme).as("README.md shows %s.java", name).contains(shown);
    }
  }

  @Test
  void clientStoresAndReadsThroughTheServer() throws Exception {
    Path accounts = dir.resolve("accounts.yaml");
    Files.writeString(accounts, """
        domain: EXAMPLE
        sid: S-1-5-21-1111111111-2222222222-3333333333
        users:
          - name: alice
            rid: 1104
            password: "Alic3Pass!x"
          - name: bob
            rid: 1105
            password: "B0bPass!y"
        """);
    try (RpcServer server = StoreServerExample.start(accounts, dir.resolve("data"), 0)) {
      String binding = "ncacn_ip_tcp:127.0.0.1[" + server.port() + "]";
      assertThat(StoreClientExample.run(binding, "EXAMPLE", "alice", "Alic3Pass!x".toCharArray(), "hello"))
          .isEqualTo("hello");
      assertThatThrownBy(() -> StoreClientExample.run(binding, "EXAMPLE", "alice", "Alic3Pass!x".toCharArray(), "again"))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(183));
      // bob's own note is his; the default root ACL lets him create it
      assertThat(StoreClientExample.run(binding, "EXAMPLE", "bob", "B0bPass!y".toCharArray(), "hi")).isEqualTo("hi");
    }
  }
}
