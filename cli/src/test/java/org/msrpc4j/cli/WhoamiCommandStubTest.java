package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msrpc4j.interfaces.identity.IdentityInfo;
import org.msrpc4j.interfaces.identity.IdentitySid;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentity;
import org.msrpc4j.interfaces.identity.Msrpc4jIdentityClient;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.server.RpcServer;

/** The identity interface through the stubs generated from msrpc4j_identity.idl (+ACF). */
class WhoamiCommandStubTest {
  static final IdentityInfo ALICE = new IdentityInfo("EXAMPLE\\alice", "host/x", 6, 10, 1, 0, "EXAMPLE\\alice",
      new IdentitySid("S-1-5-21-1-2-3-1104", "EXAMPLE\\alice", 0), 2,
      List.of(new IdentitySid("S-1-1-0", "\\Everyone", 7), new IdentitySid("S-1-5-11", null, 7)));

  static final IdentityInfo ANONYMOUS = new IdentityInfo(null, null, 1, 0, 0, 1765, null,
      new IdentitySid(null, null, 0), 0, List.of());

  /** The response stub as the generated dispatcher writes it: top-level IDENTITY_INFO, then the long. */
  static byte[] response(IdentityInfo info, int result) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeTopLevel(info, (top, v) -> v.encode(top));
    e.writeTopLevel(result, NdrEncoder::writeInt32);
    return e.toByteArray();
  }

  /** Reads the response stub as the generated client does: IDENTITY_INFO, then the long result. */
  static IdentityInfo decodeInfo(byte[] stub) throws NdrException {
    NdrDecoder d = new NdrDecoder(stub);
    IdentityInfo info = d.readTopLevel(IdentityInfo::decode);
    assertThat(d.readTopLevel(NdrDecoder::readInt32)).isZero();
    return info;
  }

  @Test
  void roundTripWithNestedPointers() throws Exception {
    assertThat(decodeInfo(response(ALICE, 0))).isEqualTo(ALICE);
  }

  @Test
  void anonymousCallerLaidOutByHand() throws Exception {
    // NULL unique pointers are 0; a non-NULL referent id starts at 0x00020000; the empty group array
    // is a non-NULL pointer whose deferred referent is just its conformance 0; then the result.
    String expected = "00000000" + "00000000" + "01000000" + "00000000" + "00000000" + "e5060000" + "00000000"
        + "00000000" + "00000000" + "00000000"
        + "00000000" + "00000200"
        + "00000000"
        + "00000000";
    byte[] stub = response(ANONYMOUS, 0);
    assertThat(HexFormat.of().formatHex(stub)).isEqualTo(expected);
    assertThat(decodeInfo(stub)).isEqualTo(ANONYMOUS);
  }

  @Test
  void everyTruncationIsAnNdrException() throws Exception {
    byte[] full = response(ALICE, 0);
    for (int n = 0; n < full.length; n++) {
      byte[] cut = Arrays.copyOf(full, n);
      assertThatThrownBy(() -> decodeInfo(cut)).as("length %d", n).isInstanceOf(NdrException.class);
    }
  }

  @Test
  void anonymousWhoAmIOverLoopbackThroughTheGeneratedClientAndDispatcher() throws Exception {
    RpcServer server = RpcServer.builder().listen("127.0.0.1", 0).register(new WhoamiCommandServer()).build().start();
    try (RpcClient client = RpcClient.create();
         RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
      Msrpc4jIdentity.WhoAmIResult r = new Msrpc4jIdentityClient(ch).whoAmI(ch);
      assertThat(r.returnValue()).isZero();
      assertThat(r.info().authnLevel).isEqualTo(1);
      assertThat(r.info().impersonationStatus).isEqualTo(RpcStatus.RPC_S_NO_CONTEXT_AVAILABLE);
      assertThat(r.info().clientPrincipal).isNull();
      assertThat(r.info().user.sid).isNull();
      assertThat(r.info().groups).isEmpty();
    } finally {
      server.shutdown(Duration.ofSeconds(2));
    }
  }
}
