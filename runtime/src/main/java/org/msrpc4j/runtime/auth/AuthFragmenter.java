package org.msrpc4j.runtime.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.msrpc4j.runtime.PduProtection;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.pdu.AuthVerifier;
import org.msrpc4j.runtime.pdu.FragmentLayout;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduFormatException;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.RequestPdu;
import org.msrpc4j.runtime.pdu.ResponsePdu;

/**
 * Splits a stub into authenticated request or response fragments and protects each one.
 *
 * <p>Every fragment carries its own sec_trailer, 16-byte auth padding and token ([MS-RPCE]
 * 2.2.2.11), so the stub room per fragment is {@code max - header - 8 - token}, rounded down to a
 * multiple of 16 so that only the last fragment needs padding (as Samba and Windows send it). Each
 * fragment is encoded with its final frag_length and auth_length and a zero token, then handed to
 * {@link PduProtection#protect}, which consumes one sequence number: call this in wire order.
 *
 * <p>Stateless and thread-safe (the protection is not).
 */
public final class AuthFragmenter {
  private AuthFragmenter() {}

  /** Protected request fragments of one call. */
  public static List<byte[]> request(int callId, int contextId, int opnum, UUID object, byte[] stub, int maxFragment,
      PduProtection protection) throws RpcException {
    int header = object == null ? 24 : 40;
    int chunk = room(maxFragment, header, protection);
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    do {
      int n = Math.min(chunk, stub.length - off);
      int flags = (object != null ? PfcFlags.OBJECT_UUID : 0)
          | (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == stub.length ? PfcFlags.LAST_FRAG : 0);
      byte[] part = Arrays.copyOfRange(stub, off, off + n);
      out.add(protect(PduCodec.encode(new RequestPdu(flags, callId, stub.length - off, contextId, opnum, object, part,
          verifier(protection))), protection));
      off += n;
    } while (off < stub.length);
    return out;
  }

  /** Protected response fragments of one call. */
  public static List<byte[]> response(int callId, int contextId, byte[] stub, int maxFragment, PduProtection protection)
      throws RpcException {
    int chunk = room(maxFragment, 24, protection);
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    do {
      int n = Math.min(chunk, stub.length - off);
      int flags = (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == stub.length ? PfcFlags.LAST_FRAG : 0);
      byte[] part = Arrays.copyOfRange(stub, off, off + n);
      out.add(protect(PduCodec.encode(new ResponsePdu(flags, callId, stub.length - off, contextId, 0, part,
          verifier(protection))), protection));
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

  private static AuthVerifier verifier(PduProtection p) {
    return new AuthVerifier(p.authType(), p.authLevel(), 0, p.contextId(), new byte[p.tokenLength()]);
  }

  private static byte[] protect(byte[] frame, PduProtection protection) throws RpcException {
    try {
      protection.protect(frame, FragmentLayout.of(frame));
    } catch (PduFormatException e) {
      throw new IllegalStateException("encoded an inconsistent fragment", e);
    }
    return frame;
  }
}
