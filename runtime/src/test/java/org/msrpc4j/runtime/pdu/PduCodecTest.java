package org.msrpc4j.runtime.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.SyntaxId;

class PduCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SyntaxId ECHO = new SyntaxId(UUID.fromString("60a15ec5-4de8-11d7-a637-005056a20182"), 1, 0);

  @Test
  void bindMatchesTheLayoutImpacketAndSambaSend() {
    BindPdu bind = new BindPdu(PduType.BIND, 0x03, 1, 4280, 4280, 0,
        List.of(new PresentationContext(0, ECHO, List.of(SyntaxId.NDR20))), null);
    // Hand-assembled from C706 12.6.4.3: header, frag sizes, group, 1 context with 1 syntax.
    String expected = "05000b03" + "10000000" + "4800" + "0000" + "01000000"
        + "b810" + "b810" + "00000000" + "01" + "000000"
        + "0000" + "01" + "00" + "c55ea160e84dd711a637005056a20182" + "0100" + "0000"
        + "045d888aeb1cc9119fe808002b104860" + "0200" + "0000";
    assertThat(HEX.formatHex(PduCodec.encode(bind))).isEqualTo(expected);
  }

  @Test
  void bindTimeFeatureSyntaxCarriesTheBitmaskInBytes8And9() {
    SyntaxId s = SyntaxId.bindTimeFeatureNegotiation(3);
    assertThat(s.uuid().toString()).isEqualTo("6cb71c2c-9812-4540-0300-000000000000");
    assertThat(s.isBindTimeFeatureNegotiation()).isTrue();
    assertThat(s.bindTimeFeatures()).isEqualTo(3);
    assertThat(SyntaxId.NDR20.isBindTimeFeatureNegotiation()).isFalse();
  }

  @Test
  void bindAckSecondaryAddressIsPaddedToFourBytes() throws Exception {
    BindAckPdu ack = new BindAckPdu(PduType.BIND_ACK, 3, 1, 5840, 5840, 0x1234, "49152",
        List.of(new ContextResult(0, 0, SyntaxId.NDR20), new ContextResult(3, 3, SyntaxId.nil())), null);
    byte[] b = PduCodec.encode(ack);
    // 16 header + 8 + 2 + "49152\0" (6) = 32, already aligned; then n_results.
    assertThat(b[24]).isEqualTo((byte) 6);
    assertThat(b[32]).isEqualTo((byte) 2);
    assertThat(PduCodec.decode(b)).isEqualTo(ack);
  }

  @Test
  void requestWithObjectUuidAndAuthVerifierRoundTrips() throws Exception {
    AuthVerifier auth = new AuthVerifier(10, 6, 0, 0x79, new byte[16]);
    RequestPdu req = new RequestPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | PfcFlags.OBJECT_UUID, 7, 5, 1, 3,
        UUID.randomUUID(), new byte[] {1, 2, 3, 4, 5}, auth);
    byte[] b = PduCodec.encode(req);
    FragmentLayout layout = FragmentLayout.of(b);
    assertThat(layout.stubOffset()).isEqualTo(40);
    assertThat(layout.stubLength()).isEqualTo(5);
    assertThat(layout.padLength()).isEqualTo(11); // stub + pad is a multiple of 16
    assertThat(layout.trailerOffset()).isEqualTo(56);
    assertThat(layout.tokenOffset()).isEqualTo(64);
    assertThat(b.length).isEqualTo(80);
    RequestPdu back = (RequestPdu) PduCodec.decode(b);
    assertThat(back.stub()).containsExactly(1, 2, 3, 4, 5);
    assertThat(back.object()).isEqualTo(req.object());
    assertThat(back.auth()).isEqualTo(new AuthVerifier(10, 6, 11, 0x79, new byte[16]));
  }

  @Test
  void faultCarriesStatusAndDidNotExecute() throws Exception {
    FaultPdu f = new FaultPdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | PfcFlags.DID_NOT_EXECUTE, 9, 0, 0, 0, 0,
        0x1C010002, new byte[0], null);
    byte[] b = PduCodec.encode(f);
    assertThat(b).hasSize(32);
    assertThat(HEX.formatHex(b, 24, 28)).isEqualTo("0200011c");
    FaultPdu back = (FaultPdu) PduCodec.decode(b);
    assertThat(back.status()).isEqualTo(0x1C010002);
    assertThat(back.hasFlag(PfcFlags.DID_NOT_EXECUTE)).isTrue();
  }

  @Test
  void rejectsWhatDoesNotFit() {
    byte[] ok = PduCodec.encode(new RequestPdu(3, 1, 0, 0, 0, null, new byte[8], null));
    byte[] badVersion = ok.clone();
    badVersion[0] = 6;
    assertThatThrownBy(() -> PduCodec.decode(badVersion)).isInstanceOf(PduFormatException.class);
    byte[] bigEndian = ok.clone();
    bigEndian[4] = 0;
    assertThatThrownBy(() -> PduCodec.decode(bigEndian)).isInstanceOf(PduFormatException.class);
    byte[] authTooLong = ok.clone();
    authTooLong[10] = 100;
    assertThatThrownBy(() -> PduCodec.decode(authTooLong)).isInstanceOf(PduFormatException.class);
    byte[] lengthMismatch = ok.clone();
    lengthMismatch[8] = 99;
    assertThatThrownBy(() -> PduCodec.decode(lengthMismatch)).isInstanceOf(PduFormatException.class);
    byte[] manyContexts = PduCodec.encode(new BindPdu(PduType.BIND, 3, 1, 5840, 5840, 0, List.of(), null));
    manyContexts[24] = (byte) 200;
    assertThatThrownBy(() -> PduCodec.decode(manyContexts)).isInstanceOf(PduFormatException.class);
  }

  @Property(tries = 3000)
  void decodingArbitraryBytesNeverThrowsAnythingElse(@ForAll @Size(min = 0, max = 300) byte[] junk,
      @ForAll("ptypes") int ptype) {
    byte[] frame = junk.clone();
    if (frame.length >= 16) {
      // Make the header plausible so that body parsing is exercised.
      frame[0] = 5;
      frame[1] = 0;
      frame[2] = (byte) ptype;
      frame[4] = 0x10;
      frame[8] = (byte) frame.length;
      frame[9] = (byte) (frame.length >>> 8);
      frame[10] = (byte) (frame[10] & 0x3F);
      frame[11] = 0;
    }
    try {
      Pdu p = PduCodec.decode(frame);
      // Whatever decodes must encode again without error.
      PduCodec.encode(p);
    } catch (PduFormatException expected) {
      // fine
    }
  }

  @Provide
  Arbitrary<Integer> ptypes() {
    return Arbitraries.integers().between(0, 21);
  }

  @Property(tries = 500)
  void requestsAndResponsesRoundTrip(@ForAll("stubPdus") Pdu pdu) throws Exception {
    Pdu back = PduCodec.decode(PduCodec.encode(pdu));
    assertThat(PduCodec.encode(back)).isEqualTo(PduCodec.encode(pdu));
  }

  @Provide
  Arbitrary<Pdu> stubPdus() {
    Arbitrary<byte[]> stubs = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<Integer> ids = Arbitraries.integers();
    Arbitrary<Integer> small = Arbitraries.integers().between(0, 0xFFFF);
    Arbitrary<AuthVerifier> auths = Combinators.combine(Arbitraries.integers().between(0, 255),
            Arbitraries.integers().between(0, 6), ids, Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
        .as((t, l, c, tok) -> new AuthVerifier(t, l, 0, c, tok)).injectNull(0.5);
    Arbitrary<Pdu> req = Combinators.combine(ids, small, small, stubs, auths, Arbitraries.create(UUID::randomUUID).injectNull(0.5))
        .as((id, ctx, op, stub, auth, obj) -> new RequestPdu(3 | (obj != null ? PfcFlags.OBJECT_UUID : 0), id, stub.length,
            ctx, op, obj, stub, auth));
    Arbitrary<Pdu> resp = Combinators.combine(ids, small, stubs, auths)
        .as((id, ctx, stub, auth) -> new ResponsePdu(3, id, stub.length, ctx, 0, stub, auth));
    return Arbitraries.oneOf(req, resp);
  }
}
