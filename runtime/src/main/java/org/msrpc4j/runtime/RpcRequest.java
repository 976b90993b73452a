package org.msrpc4j.runtime;

import java.util.Objects;
import java.util.UUID;

/**
 * One outgoing call as a generated client stub describes it: interface, opnum, optional object
 * UUID and the marshalled input stub (NDR 2.0 octets produced with the ndr module).
 *
 * <p>The stub array is not copied: do not modify it after passing it in. Immutable by convention.
 */
public record RpcRequest(InterfaceId iface, int opnum, UUID object, byte[] stub) {
  public RpcRequest {
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(stub, "stub");
    if (opnum < 0 || opnum > 0xFFFF) {
      throw new IllegalArgumentException("opnum out of range: " + opnum);
    }
  }

  /** A call without an object UUID. */
  public static RpcRequest of(InterfaceId iface, int opnum, byte[] stub) {
    return new RpcRequest(iface, opnum, null, stub);
  }
}
