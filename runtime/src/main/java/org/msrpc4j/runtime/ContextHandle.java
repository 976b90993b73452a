package org.msrpc4j.runtime;

import java.util.Objects;
import java.util.UUID;

/**
 * The wire value of a context handle (ndr_context_handle): u32 attributes + 16-byte UUID, 20 bytes
 * in NDR. A handle with a nil UUID and zero attributes is the null handle (closed or never opened).
 *
 * <p>On the client a handle is only meaningful on the {@link RpcClientChannel} that returned it
 * (its connections share one association group, so any of them may carry it). Immutable.
 */
public record ContextHandle(int attributes, UUID uuid) {
  /** Size on the wire. */
  public static final int WIRE_LENGTH = 20;
  /** The null context handle. */
  public static final ContextHandle NULL = new ContextHandle(0, new UUID(0, 0));

  public ContextHandle {
    Objects.requireNonNull(uuid, "uuid");
  }

  /** True for the null handle. */
  public boolean isNull() {
    return attributes == 0 && uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() == 0;
  }

  /** The 20 NDR bytes (little-endian attributes and UUID fields). */
  public byte[] toWire() {
    byte[] b = new byte[WIRE_LENGTH];
    Uuids.put(b, 4, uuid);
    b[0] = (byte) attributes;
    b[1] = (byte) (attributes >>> 8);
    b[2] = (byte) (attributes >>> 16);
    b[3] = (byte) (attributes >>> 24);
    return b;
  }

  /** Reads 20 NDR bytes at {@code offset}. */
  public static ContextHandle fromWire(byte[] b, int offset) {
    if (offset < 0 || b.length - offset < WIRE_LENGTH) {
      throw new IllegalArgumentException("a context handle needs 20 bytes");
    }
    int attr = (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16
        | (b[offset + 3] & 0xFF) << 24;
    return new ContextHandle(attr, Uuids.get(b, offset + 4));
  }
}
