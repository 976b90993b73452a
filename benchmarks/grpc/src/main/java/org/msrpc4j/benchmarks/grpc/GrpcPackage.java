package org.msrpc4j.benchmarks.grpc;

/** gRPC-java comparison harness; see benchmarks/README.md. */
final class GrpcPackage {
  private GrpcPackage() {}
}
