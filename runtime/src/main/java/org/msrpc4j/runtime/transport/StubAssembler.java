package org.msrpc4j.runtime.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the stub fragments of one call up to a hard size limit. alloc_hint from the peer is
 * never trusted for allocation: the fragments' stubs are kept as they arrive and joined once, into
 * an exactly sized array, when the call is complete — so memory held is what was actually
 * received, and each byte is copied once (no growth copies, no zeroed buffer allocated ahead of the
 * data). A peer sending many tiny fragments would make the per-array overhead outweigh the data,
 * so once the parts average under {@link #MIN_AVERAGE_PART} bytes the assembler switches to one
 * contiguous buffer (grown by doubling, never past the limit): memory stays within about twice
 * the bytes received either way. Not thread-safe.
 */
public final class StubAssembler {
  /**
   * The most allocated ahead of data received (kept for callers that size by it; this assembler
   * allocates nothing ahead of data).
   */
  public static final int MAX_INITIAL_CAPACITY = 64 * 1024;

  /** Below this average part size, parts are copied into one buffer instead of kept. */
  static final int MIN_AVERAGE_PART = 512;
  /** Parts kept before the average is checked. */
  private static final int AVERAGE_AFTER_PARTS = 16;

  private final int limit;
  /** The parts as received, or null once switched to {@link #buf}. */
  private List<byte[]> parts = new ArrayList<>(4);
  private byte[] buf;
  private int size;

  /**
   * @param allocHint the peer's hint (untrusted; unused for allocation)
   * @param limit the largest reassembled stub accepted
   */
  public StubAssembler(int allocHint, int limit) {
    this.limit = limit;
  }

  /**
   * Appends a fragment's stub, taking ownership of the array (the caller must not change it
   * afterwards); false when the limit would be exceeded (nothing is appended).
   */
  public boolean append(byte[] part) {
    if ((long) size + part.length > limit) {
      return false;
    }
    if (part.length == 0) {
      return true;
    }
    if (parts != null && parts.size() >= AVERAGE_AFTER_PARTS && (long) size + part.length
        < (long) MIN_AVERAGE_PART * (parts.size() + 1)) {
      toBuffer(size + part.length);
    }
    if (parts != null) {
      parts.add(part);
    } else {
      if (buf.length - size < part.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max((long) buf.length * 2, (long) size + part.length)));
      }
      System.arraycopy(part, 0, buf, size, part.length);
    }
    size += part.length;
    return true;
  }

  private void toBuffer(int needed) {
    buf = new byte[(int) Math.min(limit, Math.max((long) needed, 2L * size))];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, buf, at, p.length);
      at += p.length;
    }
    parts = null;
  }

  /** The stub collected so far. */
  public byte[] toByteArray() {
    if (parts == null) {
      return buf.length == size ? buf : Arrays.copyOf(buf, size);
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** Bytes held (for tests: never more than received). */
  int capacity() {
    if (parts == null) {
      return buf.length;
    }
    int held = 0;
    for (byte[] p : parts) {
      held += p.length;
    }
    return held;
  }

  /** Arrays held (for tests: tiny fragments must not each keep an array). */
  int arrays() {
    return parts == null ? 1 : parts.size();
  }

  /** Bytes collected so far. */
  public int size() {
    return size;
  }
}
