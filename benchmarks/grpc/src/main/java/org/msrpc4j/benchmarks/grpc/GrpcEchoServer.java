package org.msrpc4j.benchmarks.grpc;

import java.io.File;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code GrpcEchoServer --port P --cert F --key F}: serves the gRPC echo over TLS 1.3 until killed.
 *
 * <p>Prints {@code listening on HOST:PORT} on standard output once it accepts connections, so a script can wait for
 * that line; the TLS implementation in use goes to standard error.
 */
@Command(
    name = "GrpcEchoServer",
    mixinStandardHelpOptions = true,
    description = "gRPC-java unary echo over TLS 1.3 (the baseline of the msrpc4j comparison).")
public final class GrpcEchoServer implements Callable<Integer> {

  @Option(names = "--port", required = true, description = "TCP port; 0 picks a free one.")
  private int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  private String bind;

  @Option(names = "--cert", required = true, description = "PEM certificate (chain) of the server.")
  private File certificate;

  @Option(names = "--key", required = true, description = "PEM PKCS#8 private key of the certificate.")
  private File privateKey;

  @Option(
      names = "--tls-provider",
      defaultValue = "default",
      converter = TlsProviderConverter.class,
      description = "default (what gRPC picks), jdk or openssl (netty-tcnative BoringSSL).")
  private TlsProvider tlsProvider;

  /** Runs the server; see the class description. */
  public static void main(String[] args) {
    int status = new CommandLine(new GrpcEchoServer()).setExecutionExceptionHandler(new OneLineErrors()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  @Override
  public Integer call() throws Exception {
    EchoServer server = EchoServer.start(new InetSocketAddress(bind, port), certificate, privateKey, tlsProvider);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "grpc-echo-server-shutdown"));
    System.err.println("tls: " + server.tlsImplementation());
    System.out.println("listening on " + bind + ":" + server.port());
    System.out.flush();
    server.awaitTermination();
    return 0;
  }

  /** Lets picocli accept the provider names in lower case. */
  static final class TlsProviderConverter implements CommandLine.ITypeConverter<TlsProvider> {
    @Override
    public TlsProvider convert(String value) {
      return TlsProvider.parse(value);
    }
  }
}
