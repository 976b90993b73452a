package org.msrpc4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.msrpc4j.cli.Msrpc;
import org.msrpc4j.interfaces.echo.SambaEchoServer;
import picocli.CommandLine;

/** {@code msrpc bench} from the command line: option parsing, exit codes and the JSON object. */
class BenchCommandTest {

  /** Runs the command in-process; returns exit code, stdout, stderr. */
  static String[] run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Msrpc.commandLine().execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  static BenchCommand parse(String... args) {
    BenchCommand c = new BenchCommand();
    new CommandLine(c).parseArgs(args);
    return c;
  }

  @Test
  void sizesTakeBinarySuffixes() {
    assertThat(BenchSize.parse("1024")).isEqualTo(1024);
    assertThat(BenchSize.parse("64k")).isEqualTo(65536);
    assertThat(BenchSize.parse("1m")).isEqualTo(1 << 20);
    assertThat(BenchSize.parse("1M")).isEqualTo(1 << 20);
    assertThat(BenchSize.parse("0")).isZero();
    assertThat(BenchSize.parse("8m")).isEqualTo(8 << 20);
    for (String bad : new String[] {"", "k", "-1", "1g", "1.5k", "9m", "99999999999"}) {
      assertThatThrownBy(() -> BenchSize.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void operationsNeedASizeExactlyWhenTheyCarryData() {
    BenchOperation e = BenchOperation.parse("EchoData:64k");
    assertThat(e.kind()).isEqualTo(BenchOperation.Kind.ECHODATA);
    assertThat(e.size()).isEqualTo(65536);
    assertThat(e.payload()).hasSize(65536);
    assertThat(e.label()).isEqualTo("echodata:64k");
    assertThat(BenchOperation.parse("sourcedata:1m").payload()).as("the expected answer").hasSize(1 << 20);
    assertThat(BenchOperation.parse("addone").payload()).isEmpty();
    assertThat(BenchOperation.parse("mgmt").kind()).isEqualTo(BenchOperation.Kind.MGMT);
    for (String bad : new String[] {"echodata", "addone:4", "mgmt:1", "echo", "sinkdata:x"}) {
      assertThatThrownBy(() -> BenchOperation.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void durationAndCallsAreMutuallyExclusiveAndOneIsRequired() {
    assertThatThrownBy(() -> parse("ncacn_ip_tcp:h[1]", "--op", "addone", "--duration", "1", "--calls", "5"))
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("mutually exclusive");
    assertThatThrownBy(() -> parse("ncacn_ip_tcp:h[1]", "--op", "addone"))
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--duration");
    assertThat(run("bench", "ncacn_ip_tcp:h[1]", "--op", "addone", "--duration", "1", "--calls", "5")[0]).isEqualTo("2");
  }

  @Test
  void warmupDefaultsToTwoSecondsWithADurationAndNoneWithCalls() {
    BenchPlan timed = parse("b", "--op", "addone", "--duration", "10", "--connections", "8", "--inflight", "16").plan();
    assertThat(timed.warmupSeconds()).isEqualTo(2);
    assertThat(timed.durationSeconds()).isEqualTo(10);
    assertThat(timed.slots()).isEqualTo(128);
    BenchPlan counted = parse("b", "--op", "addone", "--calls", "100").plan();
    assertThat(counted.warmupSeconds()).isZero();
    assertThat(counted.calls()).isEqualTo(100);
    assertThat(parse("b", "--op", "addone", "--calls", "100", "--warmup", "1").plan().warmupSeconds()).isEqualTo(1);
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThat(run("bench", "ncacn_ip_tcp:127.0.0.1[1]", "--op", "addone", "--calls", "0")[0]).isEqualTo("2");
    assertThat(run("bench", "ncacn_ip_tcp:127.0.0.1[1]", "--op", "addone", "--calls", "5", "--inflight", "0")[0])
        .isEqualTo("2");
    String[] r = run("bench", "ncacn_ip_tcp:127.0.0.1[1]", "--op", "echodata:huge", "--calls", "5");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("not a size");
  }

  @Test
  void jsonIsOneObjectWithTheAgreedFieldsAndExitCodeZeroWithoutErrors() throws Exception {
    try (BenchServer s = new BenchServer(new SambaEchoServer())) {
      String[] r = run("bench", s.binding(), "-U", BenchServer.DOMAIN + "/" + BenchServer.USER + "%"
          + BenchServer.PASSWORD, "--level", "privacy", "--op", "echodata:1024", "--connections", "2",
          "--inflight", "3", "--calls", "60", "--json");
      assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo("0");
      String json = r[1].trim();
      assertThat(json.lines().count()).as("exactly one line on stdout").isEqualTo(1);
      assertThat(json).doesNotContain(BenchServer.PASSWORD);
      for (String field : List.of("\"tool\":\"msrpc4j\"", "\"op\":\"echodata:1024\"", "\"auth\":\"ntlm\"",
          "\"level\":\"privacy\"", "\"connections\":2", "\"inflight\":3", "\"newConnections\":false",
          "\"idleConnections\":0", "\"idleConnected\":0", "\"calls\":60", "\"errors\":0", "\"firstError\":null",
          "\"durationSeconds\":", "\"callsPerSecond\":", "\"mbPerSecond\":", "\"latencyMicros\":{\"p50\":",
          "\"p90\":", "\"p99\":", "\"p999\":", "\"max\":", "\"clientCpuSeconds\":")) {
        assertThat(json).contains(field);
      }
      assertParsesAsJson(json);
    }
  }

  @Test
  void errorsGiveExitCodeOneAndTheFirstErrorInTheJson() throws Exception {
    try (BenchServer s = new BenchServer(new WrongAnswerEchoServer())) {
      String[] r = run("bench", s.binding(), "--op", "echodata:100", "--calls", "10", "--json");
      assertThat(r[0]).isEqualTo("1");
      assertThat(r[1]).contains("\"errors\":10").contains("\"firstError\":\"wrong answer: EchoData returned different bytes\"");
      assertParsesAsJson(r[1].trim());
    }
  }

  @Test
  void theHumanSummaryNamesTheFigures() throws Exception {
    try (BenchServer s = new BenchServer(new SambaEchoServer())) {
      String[] r = run("bench", s.binding(), "--op", "addone", "--calls", "50");
      assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo("0");
      assertThat(r[1]).contains("calls/s").contains("MB/s").contains("p99.9").contains("errors     0")
          .contains("client CPU");
      assertThat(r[2]).as("no progress bar without a terminal").doesNotContain("[#");
    }
  }

  /**
   * Parses with Python's json module when python3 is installed (a real parser, not ours); without
   * it, checks the structure: balanced braces outside strings and one top-level object.
   */
  static void assertParsesAsJson(String json) throws IOException, InterruptedException {
    Path file = Files.createTempFile("bench", ".json");
    try {
      Files.writeString(file, json);
      Process p;
      try {
        p = new ProcessBuilder("python3", "-c",
            "import json,sys; o=json.load(open(sys.argv[1])); assert isinstance(o, dict); print(len(o))",
            file.toString()).redirectErrorStream(true).start();
      } catch (IOException noPython) {
        assertBalanced(json);
        return;
      }
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as("python3 json.load: %s", output).isZero();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void assertBalanced(String json) {
    assertThat(json).startsWith("{").endsWith("}");
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        assertThat(depth).isNotNegative();
        if (depth == 0) {
          assertThat(i).as("one top-level object").isEqualTo(json.length() - 1);
        }
      }
    }
    assertThat(depth).isZero();
    assertThat(inString).isFalse();
  }
}
