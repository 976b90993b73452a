package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.interfaces.echo.Rpcecho;
import org.msrpc4j.runtime.epm.RpcEpm;
import org.msrpc4j.security.AuthnLevel;
import picocli.CommandLine;

/** {@code msrpc serve --config FILE} merged with the command line: flags win, the file fills the rest. */
class ServeCommandSettingsTest {
  @TempDir Path dir;

  static ServeCommand parsed(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void flagsOverrideTheFileAndTheFileFillsTheRest() throws Exception {
    Path file = dir.resolve("serve.yaml");
    Files.writeString(file, """
        listen: ["127.0.0.1:0"]
        epmPort: 0
        minLevel: integrity
        minLevels: {echo: privacy, store: integrity}
        spns: [host/a.example.test, host/b.example.test]
        data: store
        grace: 4
        """);
    ServeCommand cmd = parsed("--config", file.toString(), "--listen", "127.0.0.2:0", "--min-level", "connect",
        "--min-level-for", "echo=pkt", "--min-level-for", "mgmt=integrity");
    Map<UUID, AuthnLevel> minimums = ServeCommandSettings.resolve(cmd,
        name -> cmd.spec.commandLine().getParseResult().hasMatchedOption(name));
    assertThat(cmd.listen).containsExactly("127.0.0.2:0");
    assertThat(cmd.minLevel).isEqualTo("connect");
    assertThat(cmd.epmPort).isZero();
    assertThat(cmd.spn).isEqualTo("host/a.example.test");
    assertThat(cmd.data).isEqualTo(dir.resolve("store"));
    assertThat(cmd.graceSeconds).isEqualTo(4);
    assertThat(minimums).containsEntry(Rpcecho.INTERFACE_ID.uuid(), AuthnLevel.PKT)
        .containsEntry(ServeCommandMinimums.KNOWN.get("store"), AuthnLevel.PKT_INTEGRITY)
        .containsEntry(ServeCommandMinimums.KNOWN.get("mgmt"), AuthnLevel.PKT_INTEGRITY)
        .as("the endpoint mapper stays open unless configured").containsEntry(RpcEpm.INTERFACE.uuid(), AuthnLevel.NONE);

    ServeCommand defaults = parsed("--config", file.toString(), "--epm-port", "135");
    ServeCommandSettings.resolve(defaults, name -> defaults.spec.commandLine().getParseResult().hasMatchedOption(name));
    assertThat(defaults.epmPort).as("an explicit flag equal to the default still wins").isEqualTo(135);
    assertThat(defaults.listen).containsExactly("127.0.0.1:0");
    assertThat(defaults.minLevel).isEqualTo("integrity");
  }

  @Test
  void badFlagsAndAMissingListenAreUsageErrors() {
    for (List<String> args : List.of(List.of("--listen", "127.0.0.1:0", "--min-level-for", "echo"),
        List.of("--listen", "127.0.0.1:0", "--min-level-for", "nope=privacy"),
        List.of("--listen", "127.0.0.1:0", "--min-level-for", "echo=loud"),
        List.of("--listen", "127.0.0.1:0", "--min-level-for", "1-2-3-4-5=privacy"),
        List.of("--epm-port", "0"),
        List.of("--config", dir.resolve("missing.yaml").toString()))) {
      ServeCommand cmd = parsed(args.toArray(String[]::new));
      assertThatThrownBy(() -> ServeCommandSettings.resolve(cmd, name -> false)).as("%s", args)
          .isInstanceOfSatisfying(ServeCommandRunning.StartFailed.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }
  }

}
