package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msrpc4j.ndr.NdrException;

class WhoamiCommandWireTest {
  static final WhoamiCommandWire.IdentityInfo ALICE = new WhoamiCommandWire.IdentityInfo("EXAMPLE\\alice", "host/x",
      6, 10, 1, 0, "EXAMPLE\\alice",
      new WhoamiCommandWire.IdentitySid("S-1-5-21-1-2-3-1104", "EXAMPLE\\alice", 0),
      List.of(new WhoamiCommandWire.IdentitySid("S-1-1-0", "\\Everyone", 7),
          new WhoamiCommandWire.IdentitySid("S-1-5-11", null, 7)));

  @Test
  void roundTripWithNestedPointers() throws Exception {
    WhoamiCommandWire.Response r = WhoamiCommandWire.decodeResponse(WhoamiCommandWire.encodeResponse(ALICE, 0));
    assertThat(r.info()).isEqualTo(ALICE);
    assertThat(r.result()).isZero();
  }

  @Test
  void unauthenticatedCallerHasNullStrings() throws Exception {
    WhoamiCommandWire.IdentityInfo anon = new WhoamiCommandWire.IdentityInfo(null, null, 1, 0, 0, 1765, null,
        new WhoamiCommandWire.IdentitySid(null, null, 0), List.of());
    assertThat(WhoamiCommandWire.decodeResponse(WhoamiCommandWire.encodeResponse(anon, 0)).info()).isEqualTo(anon);
  }

  @Test
  void everyTruncationIsAnNdrException() throws Exception {
    byte[] full = WhoamiCommandWire.encodeResponse(ALICE, 0);
    for (int n = 0; n < full.length; n++) {
      byte[] cut = Arrays.copyOf(full, n);
      assertThatThrownBy(() -> WhoamiCommandWire.decodeResponse(cut)).as("length %d", n).isInstanceOf(NdrException.class);
    }
  }
}
