package org.msrpc4j.benchmarks.grpc;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.util.Locale;

/**
 * Which TLS implementation the shaded Netty transport uses.
 *
 * <p>{@link #DEFAULT} is what a gRPC-java user gets out of the box: grpc-netty-shaded bundles netty-tcnative
 * (BoringSSL) and picks it when its native library loads on this platform, else the JDK's JSSE. The comparison uses
 * {@link #DEFAULT}; the other two pin one implementation to see how much of the result is the TLS library.
 *
 * <p>Immutable.
 */
enum TlsProvider {
  DEFAULT,
  JDK,
  OPENSSL;

  /** Applies gRPC's HTTP/2 TLS settings (ALPN, cipher list) and this provider to a context builder. */
  SslContextBuilder configure(SslContextBuilder builder) {
    switch (this) {
      case JDK:
        return GrpcSslContexts.configure(builder, SslProvider.JDK);
      case OPENSSL:
        return GrpcSslContexts.configure(builder, SslProvider.OPENSSL);
      default:
        return GrpcSslContexts.configure(builder);
    }
  }

  /** Parses a command-line value: {@code default}, {@code jdk} or {@code openssl}, in any case. */
  static TlsProvider parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TLS provider must be default, jdk or openssl, not '" + value + "'", e);
    }
  }
}
