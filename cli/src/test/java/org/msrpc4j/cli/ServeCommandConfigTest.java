package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.interfaces.echo.Rpcecho;
import org.msrpc4j.runtime.epm.RpcEpm;

/** The {@code msrpc serve --config FILE} file: every key, the shipped example, errors naming key and line. */
class ServeCommandConfigTest {
  @TempDir Path dir;

  static ServeCommandConfig parse(String yaml) throws ServeCommandConfig.Invalid {
    return ServeCommandConfig.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "serve.yaml",
        Path.of("/etc/msrpc"));
  }

  @Test
  void everyKeyIsRead() throws Exception {
    ServeCommandConfig c = parse("""
        listen: ["127.0.0.1:0", "[::1]:5000"]
        epmPort: 0
        accounts: accounts.yaml
        minLevel: connect
        minLevels:
          store: privacy
          60a15ec5-4de8-11d7-a637-005056a20182: integrity
        keytab: /keys/rpc1.keytab
        realm: EXAMPLE.TEST
        spns: [host/rpc1.example.test, RPC/rpc1.example.test]
        embeddedKdc: true
        krb5confOut: out/krb5.conf
        data: /var/lib/msrpc
        allowRemoteStop: true
        grace: 3
        """);
    assertThat(c.listen).containsExactly("127.0.0.1:0", "[::1]:5000");
    assertThat(c.epmPort).isZero();
    assertThat(c.accounts).as("relative to the file's directory").isEqualTo(Path.of("/etc/msrpc/accounts.yaml"));
    assertThat(c.minLevel).isEqualTo("connect");
    assertThat(c.minLevels).containsExactly(Map.entry("store", "privacy"),
        Map.entry("60a15ec5-4de8-11d7-a637-005056a20182", "integrity"));
    assertThat(c.keytab).isEqualTo(Path.of("/keys/rpc1.keytab"));
    assertThat(c.realm).isEqualTo("EXAMPLE.TEST");
    assertThat(c.spns).containsExactly("host/rpc1.example.test", "RPC/rpc1.example.test");
    assertThat(c.embeddedKdc).as("true = any free port").isZero();
    assertThat(c.krb5confOut).isEqualTo(Path.of("/etc/msrpc/out/krb5.conf"));
    assertThat(c.data).isEqualTo(Path.of("/var/lib/msrpc"));
    assertThat(c.allowRemoteStop).isTrue();
    assertThat(c.grace).isEqualTo(3);
    assertThat(parse("embeddedKdc: 8899").embeddedKdc).isEqualTo(8899);
    assertThat(parse("embeddedKdc: false").embeddedKdc).isNull();
    assertThat(parse("listen: 127.0.0.1:0").listen).as("one address without brackets").containsExactly("127.0.0.1:0");
    assertThat(parse("").listen).as("an empty file sets nothing").isNull();
  }

  @Test
  void theShippedExampleIsValid() throws Exception {
    try (InputStream in = ServeCommandConfig.class.getResourceAsStream("/serve-example.yaml")) {
      assertThat(in).isNotNull();
      ServeCommandConfig c = ServeCommandConfig.parse(in, "serve-example.yaml", dir);
      assertThat(c.listen).containsExactly("127.0.0.1:0");
      assertThat(c.minLevels).containsKeys("store", "identity", "epm");
      assertThat(c.data).isEqualTo(dir.resolve("store-data"));
    }
  }

  @Test
  void unknownKeysAndBadValuesNameTheKeyAndLine() {
    assertInvalid("listen: [\"127.0.0.1:0\"]\nepm_port: 135\n", "line 2", "'epm_port'", "unknown key");
    assertInvalid("epmPort: 70000\n", "line 1", "'epmPort'", "0 to 65535");
    assertInvalid("epmPort: abc\n", "'epmPort'", "'abc'");
    assertInvalid("\n\nminLevel: secret\n", "line 3", "'minLevel'", "unknown level 'secret'");
    assertInvalid("minLevels:\n  stor: privacy\n", "line 2", "'minLevels.stor'", "unknown interface 'stor'");
    assertInvalid("minLevels:\n  store: high\n", "line 2", "'minLevels.store'", "unknown level 'high'");
    assertInvalid("minLevels: privacy\n", "line 1", "'minLevels'", "expected a mapping");
    assertInvalid("listen: {a: b}\n", "'listen'", "expected a list");
    assertInvalid("listen: []\n", "'listen'", "empty");
    assertInvalid("allowRemoteStop: yes\n", "'allowRemoteStop'", "not true or false");
    assertInvalid("grace: -1\n", "'grace'");
    assertInvalid("data:\n", "'data'", "expected a value");
    assertInvalid("realm: A\nrealm: B\n", "line 2");
    assertInvalid("- listen\n", "line 1", "expected a mapping");
    assertInvalid("listen: [unclosed\n", "not valid YAML", "line");
  }

  static void assertInvalid(String yaml, String... fragments) {
    assertThatThrownBy(() -> parse(yaml)).as(yaml).isInstanceOf(ServeCommandConfig.Invalid.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("serve.yaml").contains(fragments));
  }

  @Test
  void anUnreadableOrHugeFileIsInvalid() throws IOException {
    assertThatThrownBy(() -> ServeCommandConfig.load(dir.resolve("missing.yaml")))
        .isInstanceOf(ServeCommandConfig.Invalid.class).hasMessageContaining("cannot read");
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[ServeCommandConfig.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> ServeCommandConfig.load(big))
        .isInstanceOf(ServeCommandConfig.Invalid.class).hasMessageContaining("bigger than");
  }

  @Test
  void interfaceNamesAndUuids() {
    assertThat(ServeCommandMinimums.interfaceUuid("ECHO")).isEqualTo(Rpcecho.INTERFACE_ID.uuid());
    assertThat(ServeCommandMinimums.interfaceUuid("e1af8308-5d1f-11c9-91a4-08002b14a0fa")).isEqualTo(RpcEpm.INTERFACE.uuid());
    assertThatThrownBy(() -> ServeCommandMinimums.interfaceUuid("e1af8308-5d1f-11c9-91a4-08002b14a0fz"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown interface");
  }
}
