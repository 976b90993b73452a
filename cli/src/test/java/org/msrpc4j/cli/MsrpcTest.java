package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MsrpcTest {
  @Test
  void helpListsCommandsAndExitsZero() {
    StringWriter out = new StringWriter();
    var cl = Msrpc.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("Usage: msrpc");
  }

  @Test
  void unknownCommandIsAUsageError() {
    var cl = Msrpc.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("no-such-command")).isEqualTo(2);
  }
}
