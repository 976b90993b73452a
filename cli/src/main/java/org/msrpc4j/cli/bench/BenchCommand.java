package org.msrpc4j.cli.bench;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.msrpc4j.cli.AuthOptions;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.epm.EpmEndpointResolver;
import org.msrpc4j.runtime.epm.RpcEpm;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code msrpc bench BINDING --op OP ...}: the load generator. N connections each keep M calls of
 * the generated rpcecho stub (or mgmt is_server_listening) in flight, every answer is checked, and
 * calls/s, MB/s, latency percentiles, errors and client CPU are reported (or one JSON object with
 * {@code --json}). Exit code 0 when there was no error, 1 otherwise, 2 for a usage error.
 *
 * <p>Not thread-safe (picocli fills it once); the run itself is described in {@link BenchRunner}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Load generator: calls/s, MB/s, latency percentiles and client CPU against an rpcecho server.",
        "Without a port in BINDING the endpoint mapper is asked (port 135 for --op mgmt).",
        "OP: addone | echodata:SIZE | sinkdata:SIZE | sourcedata:SIZE | mgmt (SIZE: 1024, 64k, 1m).",
        "Exit code 0 when no call failed or answered wrong, 1 otherwise.",
        "--idle-connections K needs K + connections + 64 file descriptors below the hard limit (ulimit -Hn);",
        "the JVM raises its soft limit to the hard limit by itself."})
public final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BINDING", description = "e.g. ncacn_ip_tcp:127.0.0.1[4000]")
  String binding;

  @Mixin
  AuthOptions authOptions = new AuthOptions();

  @Option(names = "--op", required = true, paramLabel = "OP", description = "The call to make (see above).")
  String op;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "1", description = "Connections (default ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--inflight", paramLabel = "M", defaultValue = "1",
      description = "Calls outstanding per connection (default ${DEFAULT-VALUE}).")
  int inflight;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Length length;

  /** How long the measurement runs: exactly one of the two. */
  static final class Length {
    @Option(names = "--duration", paramLabel = "S", required = true, description = "Measure for S seconds.")
    Double seconds;

    @Option(names = "--calls", paramLabel = "N", required = true, description = "Measure N calls.")
    Long calls;
  }

  @Option(names = "--warmup", paramLabel = "S",
      description = "Seconds of calls before the measurement, not counted (default 2 with --duration, 0 with --calls).")
  Double warmup;

  @Option(names = "--new-connections",
      description = "Every call on a new connection (connect + bind + authentication + call + close): connections/s.")
  boolean newConnections;

  @Option(names = "--idle-connections", paramLabel = "K", defaultValue = "0",
      description = "Open K more authenticated connections first (one mgmt call each) and keep them idle until the end.")
  int idleConnections;

  @Option(names = "--json", description = "Print one JSON object on stdout instead of the summary.")
  boolean json;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    BenchPlan plan;
    BenchOperation operation;
    RpcBinding parsed;
    try {
      operation = BenchOperation.parse(op);
      plan = plan();
      parsed = RpcBinding.parse(binding);
    } catch (IllegalArgumentException | RpcException e) {
      System.err.println("msrpc bench: " + e.getMessage());
      return 2;
    }
    ClientSettings settings = channelSettings(plan);
    try (RpcClient client = RpcClient.create(settings, new EpmEndpointResolver(), authOptions.security())) {
      AuthOptions.Resolved auth = authOptions.resolve(parsed);
      BenchConnector connector = new BenchConnector(client, parsed, settings, auth.level(), auth.service(),
          auth.identity(), auth.spn());
      try {
        connector = new BenchConnector(client, withPort(client, parsed, operation), settings, auth.level(),
            auth.service(), auth.identity(), auth.spn());
      } catch (RpcException e) {
        return report(out, BenchRunner.failedBeforeStart(connector, operation, plan, binding, e.getMessage()));
      }
      BenchProgressBar bar = !json && System.console() != null
          ? new BenchProgressBar(System.err, plan.durationSeconds(), plan.calls()) : null;
      BenchResult result;
      try {
        result = new BenchRunner(connector, operation, plan, binding, bar).run();
      } finally {
        if (bar != null) {
          bar.clear();
        }
      }
      return report(out, result);
    } catch (IllegalArgumentException e) {
      System.err.println("msrpc bench: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("msrpc bench: interrupted");
      return 1;
    }
  }

  /** Prints the result (summary or JSON); the exit code says whether anything failed. */
  private int report(PrintStream out, BenchResult result) {
    out.print(json ? BenchJson.format(result) + System.lineSeparator() : BenchSummary.format(result));
    out.flush();
    return result.errors() == 0 ? 0 : 1;
  }

  /** The plan from the options (throws IllegalArgumentException for the user). */
  BenchPlan plan() {
    double duration = length.seconds != null ? length.seconds : 0;
    long calls = length.calls != null ? length.calls : 0;
    if (length.seconds != null && !(duration > 0)) {
      throw new IllegalArgumentException("--duration must be positive");
    }
    if (length.calls != null && calls <= 0) {
      throw new IllegalArgumentException("--calls must be positive");
    }
    double warm = warmup != null ? warmup : (duration > 0 ? 2 : 0);
    return new BenchPlan(connections, inflight, duration, calls, warm, newConnections, idleConnections);
  }

  /**
   * One connection per channel carrying all its slots' calls. The default 16 MiB response limit
   * holds the largest payload (8 MiB, the default request limit of msrpc4j's and Samba's servers).
   */
  static ClientSettings channelSettings(BenchPlan plan) {
    return ClientSettings.defaults().withPool(1, plan.inflight());
  }

  /** Asks the endpoint mapper once (rather than once per connection) when the binding has no port. */
  private static RpcBinding withPort(RpcClient client, RpcBinding b, BenchOperation operation) throws RpcException {
    if (b.port() != null) {
      return b;
    }
    if (operation.kind() == BenchOperation.Kind.MGMT) {
      return b.withPort(RpcEpm.PORT);
    }
    try {
      int port = new EpmEndpointResolver().resolve(client, b.host(), operation.iface()).get(30, TimeUnit.SECONDS);
      return b.withPort(port);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RpcException r) {
        throw r;
      }
      throw new RpcException(RpcStatus.EPT_S_NOT_REGISTERED, "endpoint mapper: " + BenchSlot.describe(e));
    } catch (TimeoutException e) {
      throw new RpcException(RpcStatus.EPT_S_NOT_REGISTERED, "endpoint mapper: no answer in 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException(RpcStatus.RPC_S_CALL_CANCELLED, "interrupted");
    }
  }
}
