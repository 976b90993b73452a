package org.msrpc4j.security.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContext;

/** Signed and sealed messages both ways between an msrpc4j context and a peer script. */
final class PeerMessages {
  private static final HexFormat HEX = HexFormat.of();

  private PeerMessages() {}

  private static String hex(byte[] b) {
    return b.length == 0 ? "-" : HEX.formatHex(b);
  }

  private static byte[] unhex(String s) {
    return s.equals("-") ? new byte[0] : HEX.parseHex(s);
  }

  private static String[] ok(String answer) {
    assertThat(answer).startsWith("OK");
    return answer.split(" ");
  }

  /** The peer signs/seals, we check; we sign/seal, the peer checks. Three rounds move sequence numbers and RC4 state. */
  static void bothWays(PythonPeer peer, SecurityContext ours, String feature) throws Exception {
    for (int round = 0; round < 3; round++) {
      // A DCE/RPC-like PDU: 24-byte header, stub, 8-byte sec_trailer; the signature covers it all.
      byte[] header = ("HEADER-of-the-pdu-" + round + "-----").substring(0, 24).getBytes(StandardCharsets.US_ASCII);
      byte[] stub = ("stub data of round " + round).getBytes(StandardCharsets.US_ASCII);
      byte[] trailer = {10, 5, 0, 0, 0, 0, 0, 0};
      byte[] whole = concat(header, stub, trailer);

      // peer -> us, signed over the whole PDU as DCE/RPC does at integrity
      String sig = ok(peer.call("SIGN " + hex(stub) + " " + hex(whole)))[1];
      byte[] pdu = concat(whole, unhex(sig));
      ours.verify(rpcSegments(pdu, header.length, stub.length));

      // us -> peer
      byte[] ourPdu = concat(whole, new byte[16]);
      ours.sign(rpcSegments(ourPdu, header.length, stub.length));
      assertThat(peer.call("CHECK " + hex(stub) + " " + hex(whole) + " " + hex(Arrays.copyOfRange(ourPdu, whole.length, ourPdu.length))))
          .isEqualTo("OK");

      // gensec_wrap / unwrap: 16-byte signature then the data, sealed when SEAL was negotiated
      byte[] message = ("wrapped message " + round).getBytes(StandardCharsets.US_ASCII);
      byte[] wrapped = unhex(ok(peer.call("WRAP " + hex(message)))[1]);
      List<MessageSegment> segs = List.of(MessageSegment.token(wrapped, 0, 16), MessageSegment.data(wrapped, 16, wrapped.length - 16));
      if (feature.equals("seal")) {
        assertThat(Arrays.copyOfRange(wrapped, 16, wrapped.length)).isNotEqualTo(message);
        ours.unseal(segs);
      } else {
        ours.verify(segs);
      }
      assertThat(Arrays.copyOfRange(wrapped, 16, wrapped.length)).isEqualTo(message);

      byte[] mine = concat(new byte[16], message);
      List<MessageSegment> mineSegs = List.of(MessageSegment.token(mine, 0, 16), MessageSegment.data(mine, 16, message.length));
      if (feature.equals("seal")) {
        ours.seal(mineSegs);
      } else {
        ours.sign(mineSegs);
      }
      assertThat(unhex(ok(peer.call("UNWRAP " + hex(mine)))[1])).isEqualTo(message);
    }
  }

  private static List<MessageSegment> rpcSegments(byte[] pdu, int headerLen, int stubLen) {
    return List.of(
        MessageSegment.readOnly(pdu, 0, headerLen),
        MessageSegment.data(pdu, headerLen, stubLen),
        MessageSegment.readOnly(pdu, headerLen + stubLen, 8),
        MessageSegment.token(pdu, headerLen + stubLen + 8, 16));
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
