package org.msrpc4j.benchmarks.grpc;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.File;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code GrpcBench --target host:port --cert F --connections N --inflight M --size BYTES (--duration S | --calls N)
 * [--warmup S] [--json]}: the gRPC-java side of the comparison with {@code msrpc bench --op echodata:SIZE}.
 *
 * <p>Opens N channels (N TLS 1.3 connections), connects each with one echo call, optionally warms up, then measures
 * a closed loop of M calls in flight per connection. The TLS implementation and negotiated cipher suite go to
 * standard error; the result goes to standard output, as one JSON object with {@code --json}.
 */
@Command(
    name = "GrpcBench",
    mixinStandardHelpOptions = true,
    description = "Drives the gRPC-java echo over TLS 1.3 like `msrpc bench --op echodata:SIZE`.")
public final class GrpcBench implements Callable<Integer> {

  @Option(names = "--target", required = true, description = "Server as host:port.")
  private String target;

  @Option(names = "--cert", required = true, description = "PEM certificate to trust (the server's self-signed one).")
  private File trustedCertificate;

  @Option(names = "--connections", defaultValue = "1", description = "Channels, each its own TCP connection.")
  private int connections;

  @Option(names = "--inflight", defaultValue = "1", description = "Calls outstanding per connection.")
  private int inflight;

  @Option(names = "--size", required = true, description = "Payload bytes per call (echoed back).")
  private int size;

  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Amount amount;

  @Option(names = "--warmup", defaultValue = "0", description = "Seconds of unmeasured load first.")
  private double warmupSeconds;

  @Option(names = "--json", description = "Print one JSON object in the schema of `msrpc bench --json`.")
  private boolean json;

  @Option(
      names = "--tls-provider",
      defaultValue = "default",
      converter = GrpcEchoServer.TlsProviderConverter.class,
      description = "default (what gRPC picks), jdk or openssl (netty-tcnative BoringSSL).")
  private TlsProvider tlsProvider;

  /** How much to measure: a duration or a number of calls. */
  static final class Amount {
    @Option(names = "--duration", required = true, description = "Seconds to measure.")
    double durationSeconds;

    @Option(names = "--calls", required = true, description = "Calls to measure, across all connections.")
    long calls;
  }

  /** Runs the benchmark; exits non-zero on bad arguments, a failed connection, or any call error. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command with its error reporting, for {@link #main} and for tests that capture its output. */
  static CommandLine commandLine() {
    return new CommandLine(new GrpcBench()).setExecutionExceptionHandler(new OneLineErrors());
  }

  @Override
  public Integer call() throws Exception {
    validate();
    byte[] payload = new byte[size];
    // Random bytes, so nothing on the path can do better than it would with real data.
    new SecureRandom().nextBytes(payload);

    SslContext tls = TlsContexts.client(trustedCertificate, tlsProvider);
    LoadStats stats;
    try (EchoChannels channels = new EchoChannels(target, tls, connections)) {
      List<ConnectionInfo> infos = channels.connect(payload);
      spec.commandLine().getErr().println(
          "tls: " + TlsContexts.describe(tls) + ", " + infos.get(0).tlsProtocol() + " " + infos.get(0).cipherSuite()
              + ", " + infos.size() + " distinct TCP connection(s)");
      if (warmupSeconds > 0) {
        new ClosedLoopLoad(channels.channels(), inflight, payload).runFor(seconds(warmupSeconds));
      }
      ClosedLoopLoad load = new ClosedLoopLoad(channels.channels(), inflight, payload);
      stats = amount.calls > 0 ? load.runCalls(amount.calls) : load.runFor(seconds(amount.durationSeconds));
    }
    BenchResult result = new BenchResult(target, size, connections, inflight, stats);
    spec.commandLine().getOut().print(json ? result.toJson() + System.lineSeparator() : result.toText());
    spec.commandLine().getOut().flush();
    return stats.errors() == 0 ? 0 : 1;
  }

  private void validate() {
    if (connections < 1 || connections > 10_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--connections must be 1..10000");
    }
    if (inflight < 1 || inflight > 10_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--inflight must be 1..10000");
    }
    if (size < 0 || size > EchoMethod.MAX_PAYLOAD) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--size must be 0.." + EchoMethod.MAX_PAYLOAD);
    }
    if (amount.calls < 0 || (amount.calls == 0 && !(amount.durationSeconds > 0)) || warmupSeconds < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--calls or --duration must be positive, --warmup not negative");
    }
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos((long) (seconds * 1e9));
  }
}
