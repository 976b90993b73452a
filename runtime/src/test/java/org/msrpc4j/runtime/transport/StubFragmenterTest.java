package org.msrpc4j.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.RequestPdu;
import org.msrpc4j.runtime.pdu.ResponsePdu;

class StubFragmenterTest {
  @Property(tries = 300)
  void requestFragmentsFitAndReassemble(@ForAll @Size(max = 20_000) byte[] stub,
      @ForAll @IntRange(min = 1432, max = 65535) int maxFrag, @ForAll boolean withObject) throws Exception {
    UUID object = withObject ? UUID.randomUUID() : null;
    List<byte[]> frags = StubFragmenter.request(7, 1, 3, object, stub, maxFrag, 0);
    StubAssembler asm = new StubAssembler(stub.length, stub.length);
    for (int i = 0; i < frags.size(); i++) {
      byte[] f = frags.get(i);
      assertThat(f.length).isLessThanOrEqualTo(maxFrag);
      RequestPdu r = (RequestPdu) PduCodec.decode(f);
      assertThat(r.hasFlag(PfcFlags.FIRST_FRAG)).isEqualTo(i == 0);
      assertThat(r.hasFlag(PfcFlags.LAST_FRAG)).isEqualTo(i == frags.size() - 1);
      assertThat(r.object()).isEqualTo(object);
      assertThat(r.allocHint()).isEqualTo(stub.length - asm.size());
      assertThat(asm.append(r.stub())).isTrue();
    }
    assertThat(asm.toByteArray()).isEqualTo(stub);
  }

  @Property(tries = 300)
  void responseFragmentsFitAndReassemble(@ForAll @Size(max = 20_000) byte[] stub,
      @ForAll @IntRange(min = 1432, max = 65535) int maxFrag) throws Exception {
    List<byte[]> frags = StubFragmenter.response(9, 0, stub, maxFrag);
    StubAssembler asm = new StubAssembler(-1, stub.length); // a hostile alloc_hint must not matter
    for (byte[] f : frags) {
      assertThat(f.length).isLessThanOrEqualTo(maxFrag);
      assertThat(asm.append(((ResponsePdu) PduCodec.decode(f)).stub())).isTrue();
    }
    assertThat(asm.toByteArray()).isEqualTo(stub);
  }

  @Property(tries = 100)
  void theAssemblerRefusesToGrowPastItsLimit(@ForAll @IntRange(min = 0, max = 5000) int limit,
      @ForAll @Size(min = 1, max = 10) List<@Size(max = 2000) byte[]> parts) {
    StubAssembler asm = new StubAssembler(Integer.MAX_VALUE, limit);
    long total = 0;
    for (byte[] p : parts) {
      boolean fits = total + p.length <= limit;
      assertThat(asm.append(p)).isEqualTo(fits);
      if (fits) {
        total += p.length;
      }
    }
    assertThat(asm.size()).isEqualTo((int) total);
  }
}
