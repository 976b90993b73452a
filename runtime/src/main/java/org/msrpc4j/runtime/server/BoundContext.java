package org.msrpc4j.runtime.server;

import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.SyntaxId;

/** An accepted presentation context of a connection: what the client asked for and who serves it. Immutable. */
record BoundContext(int contextId, InterfaceId requested, RpcInterfaceHandler handler, SyntaxId transferSyntax) {}
