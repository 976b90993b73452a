package org.msrpc4j.runtime.transport;

import java.util.Arrays;

/**
 * Collects the stub fragments of one call up to a hard size limit. alloc_hint from the peer is
 * used only as a capped initial capacity, never trusted for allocation: a 24-byte first fragment
 * claiming megabytes gets at most {@link #MAX_INITIAL_CAPACITY} bytes, and the buffer grows only
 * with bytes actually received. Not thread-safe.
 */
public final class StubAssembler {
  /**
   * The most allocated ahead of data received. Larger than a fragment (so that a request of a few
   * fragments needs no copy), small enough that thousands of connections each sending one first
   * fragment with a huge alloc_hint cannot exhaust the heap (4096 × 64 KiB = 256 MiB).
   */
  public static final int MAX_INITIAL_CAPACITY = 64 * 1024;

  private final int limit;
  /** The peer's alloc_hint, only ever used to size a growth that received bytes already force. */
  private final long hint;
  private byte[] buf;
  private int size;

  /**
   * @param allocHint the peer's hint (untrusted)
   * @param limit the largest reassembled stub accepted
   */
  public StubAssembler(int allocHint, int limit) {
    this.limit = limit;
    this.hint = allocHint & 0xFFFFFFFFL;
    this.buf = new byte[(int) Math.min(Math.min(hint, limit), MAX_INITIAL_CAPACITY)];
  }

  /** Appends a fragment's stub; false when the limit would be exceeded (nothing is appended). */
  public boolean append(byte[] part) {
    if ((long) size + part.length > limit) {
      return false;
    }
    if (buf.length - size < part.length) {
      long needed = (long) size + part.length;
      long doubled = (long) buf.length * 2;
      // An honest alloc_hint is the exact stub size: growing to it (never past double the bytes
      // held, so a lying hint gains nothing) spares a second growth and the final trimming copy.
      long target = hint >= needed ? Math.min(hint, doubled) : doubled;
      buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(needed, target)));
    }
    System.arraycopy(part, 0, buf, size, part.length);
    size += part.length;
    return true;
  }

  /** The stub collected so far. */
  public byte[] toByteArray() {
    return buf.length == size ? buf : Arrays.copyOf(buf, size);
  }

  /** Bytes allocated (for tests of the growth policy). */
  int capacity() {
    return buf.length;
  }

  /** Bytes collected so far. */
  public int size() {
    return size;
  }
}
