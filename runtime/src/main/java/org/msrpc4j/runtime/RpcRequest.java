package org.msrpc4j.runtime;

import java.util.Objects;
import java.util.UUID;

/**
 * One outgoing call as a generated client stub describes it: interface, opnum, optional object
 * UUID, the marshalled input stub (NDR 2.0 octets produced with the ndr module) and whether the
 * operation is {@code [idempotent]} in its IDL (running it twice does no harm, so the client
 * runtime may send it again when the connection dies while it is in flight).
 *
 * <p>The stub array is not copied: do not modify it after passing it in. Immutable by convention.
 */
public record RpcRequest(InterfaceId iface, int opnum, UUID object, byte[] stub, boolean idempotent) {
  public RpcRequest {
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(stub, "stub");
    if (opnum < 0 || opnum > 0xFFFF) {
      throw new IllegalArgumentException("opnum out of range: " + opnum);
    }
  }

  /** A call of an operation that is not {@code [idempotent]}. */
  public RpcRequest(InterfaceId iface, int opnum, UUID object, byte[] stub) {
    this(iface, opnum, object, stub, false);
  }

  /** A call without an object UUID. */
  public static RpcRequest of(InterfaceId iface, int opnum, byte[] stub) {
    return new RpcRequest(iface, opnum, null, stub, false);
  }

  /** A call, without an object UUID, of an operation the IDL marks {@code [idempotent]}. */
  public static RpcRequest idempotent(InterfaceId iface, int opnum, byte[] stub) {
    return new RpcRequest(iface, opnum, null, stub, true);
  }
}
