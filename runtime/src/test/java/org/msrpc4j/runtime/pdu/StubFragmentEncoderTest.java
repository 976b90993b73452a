package org.msrpc4j.runtime.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The fast fragment encoder must produce exactly what the general codec produces. */
class StubFragmentEncoderTest {
  @Property(tries = 300)
  void requestMatchesCodec(@ForAll @Size(max = 3000) byte[] stub, @ForAll @Size(max = 200) byte[] tail,
      @ForAll @IntRange(min = 0, max = 100) int offPercent, @ForAll @IntRange(min = 0, max = 100) int lenPercent,
      @ForAll boolean withObject, @ForAll boolean authenticated, @ForAll int callId, @ForAll int allocHint)
      throws Exception {
    byte[] all = concat(stub, tail);
    int off = all.length * offPercent / 100;
    int len = (all.length - off) * lenPercent / 100;
    UUID object = withObject ? new UUID(0x0123456789abcdefL, 0xfedcba9876543210L) : null;
    StubFragmentEncoder.Trailer trailer = authenticated ? new StubFragmentEncoder.Trailer(10, 6, 7, 16) : null;
    int flags = PfcFlags.FIRST_FRAG | (withObject ? PfcFlags.OBJECT_UUID : 0);
    byte[] fast = StubFragmentEncoder.request(flags, callId, allocHint, 3, 9, object, stub, tail, off, len, trailer);
    byte[] part = Arrays.copyOfRange(all, off, off + len);
    byte[] reference = PduCodec.encode(new RequestPdu(flags, callId, allocHint, 3, 9, object, part,
        authenticated ? new AuthVerifier(10, 6, 0, 7, new byte[16]) : null));
    assertThat(fast).isEqualTo(reference);
    if (authenticated) {
      assertThat(StubFragmentEncoder.layout(withObject ? 40 : 24, len, trailer)).isEqualTo(FragmentLayout.of(fast));
    }
  }

  @Property(tries = 300)
  void responseMatchesCodec(@ForAll @Size(max = 3000) byte[] stub, @ForAll @IntRange(min = 0, max = 100) int offPercent,
      @ForAll boolean authenticated, @ForAll int callId) throws Exception {
    int off = stub.length * offPercent / 100;
    int len = stub.length - off;
    StubFragmentEncoder.Trailer trailer = authenticated ? new StubFragmentEncoder.Trailer(9, 5, 1, 28) : null;
    byte[] fast = StubFragmentEncoder.response(PfcFlags.LAST_FRAG, callId, len, 2, stub, null, off, len, trailer);
    byte[] reference = PduCodec.encode(new ResponsePdu(PfcFlags.LAST_FRAG, callId, len, 2, 0,
        Arrays.copyOfRange(stub, off, stub.length), authenticated ? new AuthVerifier(9, 5, 0, 1, new byte[28]) : null));
    assertThat(fast).isEqualTo(reference);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
