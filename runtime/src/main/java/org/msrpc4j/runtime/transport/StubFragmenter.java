package org.msrpc4j.runtime.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.StubFragmentEncoder;

/**
 * Splits a call's stub into request or response fragments no larger than the peer's receive size
 * (C706 12.6.2: FIRST_FRAG on the first, LAST_FRAG on the last; alloc_hint = the stub bytes still
 * to come). Unauthenticated fragments only for now; authenticated fragmentation reserves room for
 * the trailer, pad and token (done when security plugs in). Stateless and thread-safe.
 */
public final class StubFragmenter {
  private StubFragmenter() {}

  /** The smallest fragment size every implementation must accept (C706 MustRecvFragSize). */
  public static final int MIN_FRAGMENT = 1432;

  /** Encoded request fragments for one call. */
  public static List<byte[]> request(int callId, int contextId, int opnum, UUID object, byte[] stub,
      int maxFragment, int extraFlags) {
    int header = object == null ? 24 : 40;
    int chunk = maxFragment - header;
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    do {
      int n = Math.min(chunk, stub.length - off);
      int flags = extraFlags | (object != null ? PfcFlags.OBJECT_UUID : 0)
          | (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == stub.length ? PfcFlags.LAST_FRAG : 0);
      out.add(StubFragmentEncoder.request(flags, callId, stub.length - off, contextId, opnum, object, stub, null, off, n,
          null));
      off += n;
    } while (off < stub.length);
    return out;
  }

  /** Encoded response fragments for one call. */
  public static List<byte[]> response(int callId, int contextId, byte[] stub, int maxFragment) {
    int chunk = maxFragment - 24;
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    do {
      int n = Math.min(chunk, stub.length - off);
      int flags = (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == stub.length ? PfcFlags.LAST_FRAG : 0);
      out.add(StubFragmentEncoder.response(flags, callId, stub.length - off, contextId, stub, null, off, n, null));
      off += n;
    } while (off < stub.length);
    return out;
  }
}
