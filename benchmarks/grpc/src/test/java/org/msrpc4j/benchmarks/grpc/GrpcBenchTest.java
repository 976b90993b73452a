package org.msrpc4j.benchmarks.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark against a real echo server over real TLS 1.3 on loopback. */
class GrpcBenchTest {

  @TempDir Path directory;

  @Test
  void fiveHundredEchoCallsOverTwoTlsConnectionsAllComeBackIntact() throws Exception {
    SelfSignedPem pem = SelfSignedPem.create(directory.resolve("server"));
    try (EchoServer server = startServer(pem)) {
      Run run = bench(pem.certificate(), server.port(), "--connections", "2", "--inflight", "4", "--size", "1024",
          "--calls", "500", "--json");

      assertThat(run.status).as(run.err).isZero();
      assertThat(number(run.out, "calls")).isEqualTo(500);
      assertThat(number(run.out, "errors")).isZero();
      assertThat(run.out.trim())
          .startsWith("{\"tool\":\"grpc-java\",\"op\":\"echodata:1024\"")
          .contains("\"auth\":\"tls\",\"level\":\"tls1.3\",\"connections\":2,\"inflight\":4,")
          .contains("\"firstError\":null")
          .endsWith("}");
      // Two channels must have been two TLS connections, and the handshake really TLS 1.3.
      assertThat(server.connectionsAccepted()).isEqualTo(2);
      assertThat(run.err).contains("TLSv1.3").contains("2 distinct TCP connection(s)");
    }
  }

  @Test
  void aClientThatDoesNotTrustTheServerCertificateMakesNoCalls() throws Exception {
    SelfSignedPem pem = SelfSignedPem.create(directory.resolve("server"));
    SelfSignedPem stranger = SelfSignedPem.create(directory.resolve("stranger"));
    try (EchoServer server = startServer(pem)) {
      Run run = bench(stranger.certificate(), server.port(), "--size", "16", "--calls", "10", "--json");

      assertThat(run.status).isEqualTo(OneLineErrors.EXIT_FAILED);
      assertThat(run.out).isEmpty();
      assertThat(run.err).contains("UNAVAILABLE");
      assertThat(server.connectionsAccepted()).isZero();
    }
  }

  private static EchoServer startServer(SelfSignedPem pem) throws Exception {
    return EchoServer.start(
        new InetSocketAddress("127.0.0.1", 0),
        pem.certificate().toFile(),
        pem.privateKey().toFile(),
        TlsProvider.DEFAULT);
  }

  private static Run bench(Path trusted, int port, String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = new String[options.length + 4];
    args[0] = "--target";
    args[1] = "127.0.0.1:" + port;
    args[2] = "--cert";
    args[3] = trusted.toString();
    System.arraycopy(options, 0, args, 4, options.length);
    int status =
        GrpcBench.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private static long number(String json, String field) {
    Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)[,}]").matcher(json);
    assertThat(matcher.find()).as("field %s in %s", field, json).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private record Run(int status, String out, String err) {}
}
