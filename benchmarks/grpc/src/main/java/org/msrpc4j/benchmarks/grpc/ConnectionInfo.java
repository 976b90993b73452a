package org.msrpc4j.benchmarks.grpc;

import java.net.SocketAddress;

/**
 * What one client channel's connection turned out to be: its local socket address (distinct per TCP connection) and
 * the TLS protocol and cipher suite the handshake negotiated. Immutable.
 */
record ConnectionInfo(SocketAddress localAddress, String tlsProtocol, String cipherSuite) {}
