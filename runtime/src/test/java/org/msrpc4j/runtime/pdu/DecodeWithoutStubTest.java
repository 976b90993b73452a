package org.msrpc4j.runtime.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** decodeWithoutStub validates like decode and, with the stub put back from the frame, gives the same PDU. */
class DecodeWithoutStubTest {
  @Property(tries = 200)
  void sameFieldsAsDecode(@ForAll @Size(max = 2000) byte[] stub, @ForAll boolean authenticated) throws Exception {
    byte[] frame = PduCodec.encode(new RequestPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 5, stub.length, 1, 7, null,
        stub, authenticated ? new AuthVerifier(10, 6, 0, 0, new byte[16]) : null));
    RequestPdu full = (RequestPdu) PduCodec.decode(frame);
    RequestPdu light = (RequestPdu) PduCodec.decodeWithoutStub(frame);
    assertThat(light.stub()).isEmpty();
    byte[] restored = authenticated
        ? Arrays.copyOfRange(frame, FragmentLayout.of(frame).stubOffset(),
            FragmentLayout.of(frame).stubOffset() + FragmentLayout.of(frame).stubLength())
        : stub;
    RequestPdu back = light.withStub(restored);
    assertThat(back.stub()).isEqualTo(full.stub());
    assertThat(back).usingRecursiveComparison().isEqualTo(full);
  }

  @Test
  void aLyingPadLengthIsRefusedToo() {
    byte[] frame = PduCodec.encode(new RequestPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 5, 4, 1, 7, null,
        new byte[4], new AuthVerifier(10, 6, 0, 0, new byte[16])));
    frame[frame.length - 16 - 8 + 2] = (byte) 200; // auth_pad_length beyond the stub
    assertThatThrownBy(() -> PduCodec.decodeWithoutStub(frame)).isInstanceOf(PduFormatException.class);
  }
}
