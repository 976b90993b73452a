package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.msrpc4j.ndr.NdrException;

class SamrCommandWireTest {
  /**
   * SamrEnumerateUsersInDomain output laid out by hand from [MS-SAMR] 2.2.3.10/2.2.3.9: context 5,
   * *Buffer → {EntriesRead 2, Buffer → [ {500, "ab"}, {1104, "alice"} ]}, CountReturned 2, STATUS_SUCCESS.
   */
  static final byte[] TWO_USERS = HexFormat.of().parseHex(
      "05000000" + "00000200" + "02000000" + "04000200" + "02000000"
          + "f4010000" + "04000400" + "08000200"
          + "50040000" + "0a000a00" + "0c000200"
          + "02000000" + "00000000" + "02000000" + "61006200"
          + "05000000" + "00000000" + "05000000" + "61006c00690063006500" + "0000"
          + "02000000" + "00000000");

  @Test
  void decodesAnEnumerationBuffer() throws Exception {
    SamrCommandWire.Page p = SamrCommandWire.enumerationResult(TWO_USERS);
    assertThat(p.context()).isEqualTo(5);
    assertThat(p.entries()).containsExactly(new SamrCommandWire.RidName(500, "ab"), new SamrCommandWire.RidName(1104, "alice"));
    assertThat(p.status()).isZero();
  }

  @Test
  void everyTruncationIsAnNdrException() {
    for (int n = 0; n < TWO_USERS.length; n++) {
      byte[] cut = Arrays.copyOf(TWO_USERS, n);
      assertThatThrownBy(() -> SamrCommandWire.enumerationResult(cut)).as("length %d", n).isInstanceOf(NdrException.class);
    }
  }

  @Test
  void aHugeCountIsRefusedBeforeAllocating() {
    byte[] evil = TWO_USERS.clone();
    evil[8] = (byte) 0xff; evil[9] = (byte) 0xff; evil[10] = (byte) 0xff; evil[11] = (byte) 0x7f; // EntriesRead
    evil[16] = (byte) 0xff; evil[17] = (byte) 0xff; evil[18] = (byte) 0xff; evil[19] = (byte) 0x7f; // conformance
    assertThatThrownBy(() -> SamrCommandWire.enumerationResult(evil)).isInstanceOf(NdrException.class);
  }

  @Test
  void sidRoundTripThroughOpenDomainEncoding() throws Exception {
    byte[] auth = {0, 0, 0, 0, 0, 5};
    long[] subs = {21, 2120434450L, 2862088797L, 1169317039L};
    assertThat(SamrCommandWire.sidString(auth, subs)).isEqualTo("S-1-5-21-2120434450-2862088797-1169317039");
    byte[] in = SamrCommandWire.openDomain(org.msrpc4j.ndr.NdrContextHandle.NULL, 0x301, auth, subs);
    // handle (20) + access (4) + conformance 4 + rev 1, count 4, authority 6 + 4 sub-authorities.
    assertThat(in).hasSize(20 + 4 + 4 + 8 + 16);
    assertThat(HexFormat.of().formatHex(in, 24, 36)).isEqualTo("04000000" + "0104" + "000000000005");
  }
}
