package org.msrpc4j.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.SyntaxId;

class VerificationTrailerTest {
  static final SyntaxId ECHO = new SyntaxId(java.util.UUID.fromString("60a15ec5-4de8-11d7-a637-005056a20182"), 1, 0);
  static final VerificationTrailer.Expected REQ = new VerificationTrailer.Expected(ECHO, SyntaxId.NDR20, 0, 0x10, 7, 0, 1, true);

  @Test
  void layoutMatchesMsRpce() {
    byte[] out = VerificationTrailer.append(new byte[] {1, 2, 3, 4, 5}, REQ);
    // 5 stub bytes, 3 alignment zeros, magic, BITMASK_1, PCONTEXT, HEADER2|END.
    assertThat(out).hasSize(8 + 8 + 8 + 44 + 20);
    assertThat(HexFormat.of().formatHex(out, 8, 24)).isEqualTo("8ae3137102f43671" + "01000400" + "01000000");
    assertThat(HexFormat.of().formatHex(out, 24, 28)).isEqualTo("02002800");
    assertThat(HexFormat.of().formatHex(out, 68, 88))
        .isEqualTo("03401000" + "00000000" + "10000000" + "07000000" + "0000" + "0100");
  }

  @Property
  void appendedTrailerIsFoundCheckedAndStripped(@ForAll @Size(max = 3000) byte[] stub) throws Exception {
    VerificationTrailer.Stripped s = VerificationTrailer.checkAndStrip(VerificationTrailer.append(stub, REQ), REQ);
    assertThat(s.present()).isTrue();
    assertThat(s.stub()).hasSize((stub.length + 3) & ~3);
    assertThat(java.util.Arrays.copyOf(s.stub(), stub.length)).isEqualTo(stub);
  }

  @Test
  void aTrailerThatContradictsTheRequestIsRefused() {
    byte[] withTrailer = VerificationTrailer.append(new byte[16], REQ);
    assertThatThrownBy(() -> VerificationTrailer.checkAndStrip(withTrailer,
        new VerificationTrailer.Expected(ECHO, SyntaxId.NDR20, 0, 0x10, 7, 0, 2, true)))
        .isInstanceOf(VerificationTrailer.MismatchException.class).hasMessageContaining("HEADER2");
    assertThatThrownBy(() -> VerificationTrailer.checkAndStrip(withTrailer,
        new VerificationTrailer.Expected(SyntaxId.NDR20, SyntaxId.NDR20, 0, 0x10, 7, 0, 1, true)))
        .isInstanceOf(VerificationTrailer.MismatchException.class).hasMessageContaining("PCONTEXT");
    assertThatThrownBy(() -> VerificationTrailer.checkAndStrip(withTrailer,
        new VerificationTrailer.Expected(ECHO, SyntaxId.NDR20, 0, 0x10, 7, 0, 1, false)))
        .isInstanceOf(VerificationTrailer.MismatchException.class).hasMessageContaining("downgrade");
  }

  @Test
  void stubWithoutTrailerIsUnchanged() throws Exception {
    byte[] stub = new byte[40];
    System.arraycopy(VerificationTrailer.MAGIC, 0, stub, 8, 8); // a magic whose "commands" are not a trailer
    VerificationTrailer.Stripped s = VerificationTrailer.checkAndStrip(stub, REQ);
    assertThat(s.present()).isFalse();
    assertThat(s.stub()).isSameAs(stub);
  }
}
