package org.msrpc4j.benchmarks.grpc;

import io.grpc.MethodDescriptor;

/**
 * The one RPC of the comparison: a unary call whose response is its request's bytes.
 *
 * <p>Immutable and thread-safe.
 */
final class EchoMethod {

  /** Service name on the wire ({@code /msrpc4j.bench.Echo/EchoData}). */
  static final String SERVICE = "msrpc4j.bench.Echo";

  /** The descriptor both the server and the benchmark client use. */
  static final MethodDescriptor<byte[], byte[]> ECHO_DATA =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "EchoData"))
          .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
          .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
          .setIdempotent(true)
          .build();

  /** Largest payload either side accepts; gRPC rejects bigger messages before they are read. */
  static final int MAX_PAYLOAD = 16 * 1024 * 1024;

  private EchoMethod() {}
}
