package org.msrpc4j.benchmarks.grpc;

import io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import io.grpc.netty.shaded.io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import javax.net.ssl.SSLException;

/**
 * Builds the TLS 1.3-only contexts of both sides and names the implementation behind a context.
 *
 * <p>Both sides are pinned to TLS 1.3 so the result's {@code "level":"tls1.3"} is a fact, not a hope; the client
 * trusts exactly the server's self-signed certificate (no trust-all shortcut, which would skip work a real client
 * does). Stateless and thread-safe.
 */
final class TlsContexts {

  static final String TLS_1_3 = "TLSv1.3";

  private TlsContexts() {}

  /** A server context from a PEM certificate chain and a PEM PKCS#8 private key. */
  static SslContext server(File certificate, File privateKey, TlsProvider provider) throws SSLException {
    SslContextBuilder builder = SslContextBuilder.forServer(certificate, privateKey);
    return provider.configure(builder).protocols(TLS_1_3).build();
  }

  /** A client context that trusts only the given PEM certificate. */
  static SslContext client(File trustedCertificate, TlsProvider provider) throws SSLException {
    SslContextBuilder builder = SslContextBuilder.forClient().trustManager(trustedCertificate);
    return provider.configure(builder).protocols(TLS_1_3).build();
  }

  /** Which implementation a built context actually uses, e.g. "OpenSSL (BoringSSL) via netty-tcnative". */
  static String describe(SslContext context) {
    if (context instanceof ReferenceCountedOpenSslContext) {
      return "OpenSSL (" + OpenSsl.versionString() + ") via netty-tcnative";
    }
    if (context instanceof JdkSslContext) {
      var provider = ((JdkSslContext) context).context().getProvider();
      return "JDK (" + provider.getName() + " " + provider.getVersionStr() + ", Java " + Runtime.version() + ")";
    }
    return context.getClass().getName();
  }
}
