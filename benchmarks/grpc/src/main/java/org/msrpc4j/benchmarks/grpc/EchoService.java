package org.msrpc4j.benchmarks.grpc;

import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * The server side of {@link EchoMethod#ECHO_DATA}: answers each request with the same bytes.
 *
 * <p>The handler does no blocking work, so the server may run it directly on its event loop. Stateless and
 * thread-safe.
 */
final class EchoService {

  private EchoService() {}

  /** The service definition to add to a gRPC server. */
  static ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder(EchoMethod.SERVICE)
        .addMethod(EchoMethod.ECHO_DATA, ServerCalls.asyncUnaryCall(EchoService::echo))
        .build();
  }

  private static void echo(byte[] request, StreamObserver<byte[]> response) {
    response.onNext(request);
    response.onCompleted();
  }
}
