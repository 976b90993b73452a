package org.msrpc4j.runtime;

import java.util.Objects;
import java.util.UUID;

/**
 * A presentation syntax identifier (RPC_SYNTAX_IDENTIFIER): an interface or transfer syntax UUID
 * with a major and minor version, 20 bytes on the wire (UUID, u16 major, u16 minor).
 *
 * <p>Immutable and thread-safe.
 */
public record SyntaxId(UUID uuid, int major, int minor) {
  /** NDR 2.0 transfer syntax 8a885d04-1ceb-11c9-9fe8-08002b104860 v2. */
  public static final SyntaxId NDR20 =
      new SyntaxId(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"), 2, 0);
  /** NDR64 transfer syntax 71710533-beba-4937-8319-b5dbef9ccc36 v1 (not negotiated yet). */
  public static final SyntaxId NDR64 =
      new SyntaxId(UUID.fromString("71710533-beba-4937-8319-b5dbef9ccc36"), 1, 0);

  public SyntaxId {
    Objects.requireNonNull(uuid, "uuid");
    if (major < 0 || major > 0xFFFF || minor < 0 || minor > 0xFFFF) {
      throw new IllegalArgumentException("version out of range: " + major + "." + minor);
    }
  }

  /** The all-zero syntax used in rejected presentation-context results. */
  public static SyntaxId nil() {
    return new SyntaxId(new UUID(0, 0), 0, 0);
  }

  /**
   * True when this is a bind-time feature negotiation pseudo syntax
   * (6cb71c2c-9812-4540-xxxx-000000000000, [MS-RPCE] 3.3.1.5.3).
   */
  public boolean isBindTimeFeatureNegotiation() {
    return (uuid.getMostSignificantBits() == 0x6cb71c2c98124540L)
        && (uuid.getLeastSignificantBits() & 0x0000FFFFFFFFFFFFL) == 0;
  }

  /** The feature bitmask carried by a bind-time feature negotiation syntax (UUID bytes 8–9, little-endian). */
  public int bindTimeFeatures() {
    long lsb = uuid.getLeastSignificantBits();
    int b8 = (int) (lsb >>> 56) & 0xFF;
    int b9 = (int) (lsb >>> 48) & 0xFF;
    return b8 | (b9 << 8);
  }

  /** The bind-time feature negotiation syntax carrying {@code features}. */
  public static SyntaxId bindTimeFeatureNegotiation(int features) {
    long lsb = ((long) (features & 0xFF) << 56) | ((long) ((features >>> 8) & 0xFF) << 48);
    return new SyntaxId(new UUID(0x6cb71c2c98124540L, lsb), 1, 0);
  }

  @Override
  public String toString() {
    return uuid + " v" + major + "." + minor;
  }
}
