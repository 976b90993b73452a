package org.msrpc4j.runtime.pdu;

import java.util.UUID;

/**
 * Encodes one request or response fragment straight from a slice of a call's stub into an
 * exactly sized array: header, stub bytes, and (when the fragment is authenticated) the 16-byte
 * auth padding, the sec_trailer and a zeroed token for the security provider to fill in place.
 *
 * <p>Why not {@link PduCodec#encode}: that path copies the slice out of the stub, builds a
 * {@link RequestPdu}/{@link ResponsePdu}, grows a writer and copies its buffer once more; on the
 * call path this encoder copies each stub byte exactly once and allocates only the fragment. The
 * bytes written are identical to {@link PduCodec#encode} of the equivalent PDU.
 *
 * <p>The stub is the concatenation of {@code stub} and an optional {@code tail} (e.g. the
 * verification trailer), so a caller never has to build the concatenation.
 *
 * <p>Stateless and thread-safe.
 */
public final class StubFragmentEncoder {
  private StubFragmentEncoder() {}

  /** Bytes before the stub in a request without / with an object UUID, and in a response. */
  public static final int REQUEST_HEADER = 24;
  public static final int REQUEST_HEADER_WITH_OBJECT = 40;
  public static final int RESPONSE_HEADER = 24;

  /** The sec_trailer values of an authenticated fragment; {@code tokenLength} zero bytes follow it. */
  public record Trailer(int authType, int authLevel, int contextId, int tokenLength) {}

  /**
   * A request fragment carrying bytes {@code [off, off + len)} of {@code stub ++ tail}.
   *
   * @param trailer null for an unauthenticated fragment
   */
  public static byte[] request(int flags, int callId, int allocHint, int contextId, int opnum, UUID object,
      byte[] stub, byte[] tail, int off, int len, Trailer trailer) {
    int header = object == null ? REQUEST_HEADER : REQUEST_HEADER_WITH_OBJECT;
    byte[] f = allocate(header, len, trailer);
    commonHeader(f, PduType.REQUEST, flags | (object != null ? PfcFlags.OBJECT_UUID : 0), callId, trailer);
    putU32(f, 16, allocHint);
    putU16(f, 20, contextId);
    putU16(f, 22, opnum);
    if (object != null) {
      putUuid(f, 24, object);
    }
    copyStub(stub, tail, off, len, f, header);
    finish(f, header, len, trailer);
    return f;
  }

  /** A response fragment carrying bytes {@code [off, off + len)} of {@code stub ++ tail}. */
  public static byte[] response(int flags, int callId, int allocHint, int contextId, byte[] stub, byte[] tail,
      int off, int len, Trailer trailer) {
    byte[] f = allocate(RESPONSE_HEADER, len, trailer);
    commonHeader(f, PduType.RESPONSE, flags, callId, trailer);
    putU32(f, 16, allocHint);
    putU16(f, 20, contextId);
    // cancel_count and reserved stay zero
    copyStub(stub, tail, off, len, f, RESPONSE_HEADER);
    finish(f, RESPONSE_HEADER, len, trailer);
    return f;
  }

  /** Where stub, padding, sec_trailer and token lie in a fragment this class encoded. */
  public static FragmentLayout layout(int header, int len, Trailer trailer) {
    int pad = pad(len);
    int trailerOffset = header + len + pad;
    return new FragmentLayout(header, len, pad, trailerOffset, trailerOffset + AuthVerifier.TRAILER_LENGTH,
        trailer.tokenLength());
  }

  /** Auth padding after a stub of {@code len} bytes: to a multiple of 16, as Samba and Windows pad. */
  static int pad(int len) {
    return (16 - (len % 16)) % 16;
  }

  private static byte[] allocate(int header, int len, Trailer trailer) {
    int size = header + len;
    if (trailer != null) {
      size += pad(len) + AuthVerifier.TRAILER_LENGTH + trailer.tokenLength();
    }
    if (size > 0xFFFF) {
      throw new IllegalArgumentException("fragment of " + size + " bytes exceeds 65535");
    }
    byte[] f = new byte[size];
    putU16(f, PduHeader.FRAG_LENGTH_OFFSET, size);
    return f;
  }

  private static void commonHeader(byte[] f, PduType type, int flags, int callId, Trailer trailer) {
    f[0] = 5;
    f[1] = 0;
    f[2] = (byte) type.code();
    f[3] = (byte) flags;
    putU32(f, 4, PduHeader.DREP_LITTLE_ENDIAN);
    putU16(f, 10, trailer == null ? 0 : trailer.tokenLength());
    putU32(f, 12, callId);
  }

  private static void finish(byte[] f, int header, int len, Trailer trailer) {
    if (trailer == null) {
      return;
    }
    int pad = pad(len);
    int at = header + len + pad; // the padding itself is already zero
    f[at] = (byte) trailer.authType();
    f[at + 1] = (byte) trailer.authLevel();
    f[at + 2] = (byte) pad;
    putU32(f, at + 4, trailer.contextId());
  }

  private static void copyStub(byte[] stub, byte[] tail, int off, int len, byte[] dst, int at) {
    int fromStub = Math.max(0, Math.min(len, stub.length - off));
    if (fromStub > 0) {
      System.arraycopy(stub, off, dst, at, fromStub);
    }
    int rest = len - fromStub;
    if (rest > 0) {
      System.arraycopy(tail, off + fromStub - stub.length, dst, at + fromStub, rest);
    }
  }

  private static void putU16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
  }

  private static void putU32(byte[] b, int at, int v) {
    putU16(b, at, v);
    putU16(b, at + 2, v >>> 16);
  }

  private static void putUuid(byte[] b, int at, UUID u) {
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    putU32(b, at, (int) (msb >>> 32));
    putU16(b, at + 4, (int) (msb >>> 16));
    putU16(b, at + 6, (int) msb);
    for (int i = 0; i < 8; i++) {
      b[at + 8 + i] = (byte) (lsb >>> (8 * (7 - i)));
    }
  }
}
