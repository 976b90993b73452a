package org.msrpc4j.benchmarks.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.AbstractAsyncStub;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;

/**
 * The async stub of {@link EchoMethod#ECHO_DATA}, written the way protoc's gRPC plugin would generate it.
 *
 * <p>Immutable and thread-safe, like every gRPC stub.
 */
final class EchoStub extends AbstractAsyncStub<EchoStub> {

  private EchoStub(Channel channel, CallOptions callOptions) {
    super(channel, callOptions);
  }

  /** A stub on {@code channel} with default call options. */
  static EchoStub on(Channel channel) {
    return new EchoStub(channel, CallOptions.DEFAULT);
  }

  @Override
  protected EchoStub build(Channel channel, CallOptions callOptions) {
    return new EchoStub(channel, callOptions);
  }

  /** Starts one echo call; {@code responseObserver} hears the echoed bytes, then completion or the error. */
  void echoData(byte[] payload, StreamObserver<byte[]> responseObserver) {
    ClientCalls.asyncUnaryCall(getChannel().newCall(EchoMethod.ECHO_DATA, getCallOptions()), payload, responseObserver);
  }
}
