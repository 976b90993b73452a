package org.msrpc4j.runtime.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.msrpc4j.runtime.PduProtection;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.pdu.AuthVerifier;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.StubFragmentEncoder;

/**
 * Splits a stub into authenticated request or response fragments and protects each one.
 *
 * <p>Every fragment carries its own sec_trailer, 16-byte auth padding and token ([MS-RPCE]
 * 2.2.2.11), so the stub room per fragment is {@code max - header - 8 - token}, rounded down to a
 * multiple of 16 so that only the last fragment needs padding (as Samba and Windows send it). Each
 * fragment is encoded ({@link StubFragmentEncoder}: one copy of each stub byte) with its final
 * frag_length and auth_length and a zero token, then handed to {@link PduProtection#protect}, which
 * seals it in place and consumes one sequence number: call this in wire order.
 *
 * <p>Stateless and thread-safe (the protection is not).
 */
public final class AuthFragmenter {
  private AuthFragmenter() {}

  /** Protected request fragments of one call. */
  public static List<byte[]> request(int callId, int contextId, int opnum, UUID object, byte[] stub, int maxFragment,
      PduProtection protection) throws RpcException {
    return request(callId, contextId, opnum, object, stub, null, maxFragment, protection);
  }

  /**
   * Protected request fragments of one call whose stub is {@code stub} followed by {@code tail}
   * (null or the verification trailer), without building the concatenation.
   */
  public static List<byte[]> request(int callId, int contextId, int opnum, UUID object, byte[] stub, byte[] tail,
      int maxFragment, PduProtection protection) throws RpcException {
    int header = object == null ? StubFragmentEncoder.REQUEST_HEADER : StubFragmentEncoder.REQUEST_HEADER_WITH_OBJECT;
    int chunk = room(maxFragment, header, protection);
    int total = stub.length + (tail == null ? 0 : tail.length);
    StubFragmentEncoder.Trailer trailer = trailer(protection);
    List<byte[]> out = new ArrayList<>(Math.max(1, (total + chunk - 1) / chunk));
    int off = 0;
    do {
      int n = Math.min(chunk, total - off);
      int flags = (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == total ? PfcFlags.LAST_FRAG : 0);
      byte[] frame = StubFragmentEncoder.request(flags, callId, total - off, contextId, opnum, object, stub, tail, off, n,
          trailer);
      protection.protect(frame, StubFragmentEncoder.layout(header, n, trailer));
      out.add(frame);
      off += n;
    } while (off < total);
    return out;
  }

  /** Protected response fragments of one call. */
  public static List<byte[]> response(int callId, int contextId, byte[] stub, int maxFragment, PduProtection protection)
      throws RpcException {
    int header = StubFragmentEncoder.RESPONSE_HEADER;
    int chunk = room(maxFragment, header, protection);
    StubFragmentEncoder.Trailer trailer = trailer(protection);
    List<byte[]> out = new ArrayList<>(Math.max(1, (stub.length + chunk - 1) / chunk));
    int off = 0;
    do {
      int n = Math.min(chunk, stub.length - off);
      int flags = (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == stub.length ? PfcFlags.LAST_FRAG : 0);
      byte[] frame = StubFragmentEncoder.response(flags, callId, stub.length - off, contextId, stub, null, off, n, trailer);
      protection.protect(frame, StubFragmentEncoder.layout(header, n, trailer));
      out.add(frame);
      off += n;
    } while (off < stub.length);
    return out;
  }

  /** Stub bytes that fit one fragment, a multiple of 16. */
  static int room(int maxFragment, int header, PduProtection protection) {
    int room = (maxFragment - header - AuthVerifier.TRAILER_LENGTH - protection.tokenLength()) & ~15;
    if (room < 16) {
      throw new IllegalArgumentException("fragment size " + maxFragment + " leaves no room for stub data");
    }
    return room;
  }

  private static StubFragmentEncoder.Trailer trailer(PduProtection p) {
    return new StubFragmentEncoder.Trailer(p.authType(), p.authLevel(), p.contextId(), p.tokenLength());
  }
}
