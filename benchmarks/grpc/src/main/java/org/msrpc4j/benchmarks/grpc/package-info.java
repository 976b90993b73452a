/**
 * The gRPC-java side of the comparison in issue 8 (d): a unary echo over HTTP/2 and TLS 1.3, driven the way
 * {@code msrpc bench --op echodata:SIZE} drives msrpc4j at PKT_PRIVACY, with the same JSON result schema.
 *
 * <p>No protoc: the single method is described with a {@link io.grpc.MethodDescriptor} whose marshaller moves the
 * payload bytes unchanged, so both sides of the comparison carry exactly the same payload.
 */
package org.msrpc4j.benchmarks.grpc;
