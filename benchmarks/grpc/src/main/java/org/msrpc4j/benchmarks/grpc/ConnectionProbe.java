package org.msrpc4j.benchmarks.grpc;

import io.grpc.Attributes;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;

/**
 * Makes one blocking echo call on a channel, which also establishes its connection, and reports what that connection
 * is: the local address and the negotiated TLS session, read from the call's transport attributes.
 *
 * <p>Used once per channel before measuring, so connection setup is not part of the measured calls and each of the N
 * channels is shown to be its own TCP connection. Not thread-safe: one probe per call of {@link #probe}.
 */
final class ConnectionProbe implements ClientInterceptor {

  private static final long PROBE_TIMEOUT_SECONDS = 30;

  private final AtomicReference<Attributes> transportAttributes = new AtomicReference<>();

  private ConnectionProbe() {}

  /** Connects {@code channel} with one echo of {@code payload} and describes the connection it used. */
  static ConnectionInfo probe(Channel channel, byte[] payload) {
    ConnectionProbe probe = new ConnectionProbe();
    byte[] echoed =
        ClientCalls.blockingUnaryCall(
            ClientInterceptors.intercept(channel, probe),
            EchoMethod.ECHO_DATA,
            CallOptions.DEFAULT.withDeadlineAfter(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS),
            payload);
    if (!Arrays.equals(payload, echoed)) {
      throw new IllegalStateException("the server's echo differs from the request");
    }
    Attributes attributes = probe.transportAttributes.get();
    if (attributes == null) {
      throw new IllegalStateException("the call completed without transport attributes");
    }
    SSLSession session = attributes.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      throw new IllegalStateException("the connection is not TLS");
    }
    return new ConnectionInfo(
        attributes.get(Grpc.TRANSPORT_ATTR_LOCAL_ADDR), session.getProtocol(), session.getCipherSuite());
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(
            new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onHeaders(Metadata responseHeaders) {
                // The transport attributes are settled once the response headers have arrived.
                transportAttributes.set(call.getAttributes());
                super.onHeaders(responseHeaders);
              }
            },
            headers);
      }
    };
  }
}
