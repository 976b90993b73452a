package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.interfaces.samr.RpcSid;
import org.msrpc4j.interfaces.samr.RpcSidIdentifierAuthority;
import org.msrpc4j.interfaces.samr.Samr;
import org.msrpc4j.interfaces.samr.SamprHandle;
import org.msrpc4j.interfaces.samr.SamrClient;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.server.RpcServer;

/**
 * The SAMR client stub generated from samr.idl, over loopback against a server that answers with
 * octets laid out by hand from [MS-SAMR] and records what the stub sent.
 */
class SamrCommandStubTest {
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

  /** Answers every call with {@link #answer} and keeps the last request's stub. */
  static final class CannedSamr implements RpcInterfaceHandler {
    final AtomicReference<byte[]> answer = new AtomicReference<>(new byte[0]);
    final AtomicReference<byte[]> lastRequest = new AtomicReference<>();

    @Override
    public InterfaceId interfaceId() {
      return Samr.INTERFACE_ID;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] stubIn, RpcCall call) {
      lastRequest.set(stubIn.clone());
      return answer.get();
    }
  }

  CannedSamr canned;
  RpcServer server;
  RpcClient client;
  RpcChannel channel;
  SamrClient samr;

  @BeforeEach
  void start() throws Exception {
    canned = new CannedSamr();
    server = RpcServer.builder().listen("127.0.0.1", 0).register(canned).build().start();
    client = RpcClient.create();
    channel = client.channel(RpcBinding.tcp("127.0.0.1", server.port()));
    samr = new SamrClient(channel.withCurrentSecurity());
  }

  @AfterEach
  void stop() {
    channel.close();
    client.close();
    server.shutdown(Duration.ofSeconds(2));
  }

  @Test
  void decodesAnEnumerationBuffer() throws Exception {
    canned.answer.set(TWO_USERS);
    var p = samr.samrEnumerateUsersInDomain(SamprHandle.NULL, 0, 0, 0xFFFF);
    assertThat(p.enumerationContext()).isEqualTo(5);
    assertThat(SamrCommand.entries(p.buffer()))
        .containsExactly(new SamrCommand.RidName(500, "ab"), new SamrCommand.RidName(1104, "alice"));
    assertThat(p.countReturned()).isEqualTo(2);
    assertThat(p.returnValue()).isZero();
    // handle (20) + EnumerationContext + UserAccountControl + PreferedMaximumLength
    assertThat(HexFormat.of().formatHex(canned.lastRequest.get(), 20, 32)).isEqualTo("00000000" + "00000000" + "ffff0000");
  }

  @Test
  void everyTruncationIsBadStubData() {
    for (int n = 0; n < TWO_USERS.length; n++) {
      canned.answer.set(Arrays.copyOf(TWO_USERS, n));
      assertThatThrownBy(() -> samr.samrEnumerateUsersInDomain(SamprHandle.NULL, 0, 0, 0xFFFF)).as("length %d", n)
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
    }
  }

  @Test
  void aHugeCountIsRefusedBeforeAllocating() {
    byte[] evil = TWO_USERS.clone();
    evil[8] = (byte) 0xff; evil[9] = (byte) 0xff; evil[10] = (byte) 0xff; evil[11] = (byte) 0x7f; // EntriesRead
    evil[16] = (byte) 0xff; evil[17] = (byte) 0xff; evil[18] = (byte) 0xff; evil[19] = (byte) 0x7f; // conformance
    canned.answer.set(evil);
    assertThatThrownBy(() -> samr.samrEnumerateUsersInDomain(SamprHandle.NULL, 0, 0, 0xFFFF))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
  }

  @Test
  void openDomainSendsTheSidAsAConformantStruct() throws Exception {
    RpcSid sid = new RpcSid((byte) 1, (byte) 4, new RpcSidIdentifierAuthority(new byte[] {0, 0, 0, 0, 0, 5}),
        new int[] {21, (int) 2120434450L, (int) 2862088797L, (int) 1169317039L});
    assertThat(SamrCommand.sidString(sid)).isEqualTo("S-1-5-21-2120434450-2862088797-1169317039");
    canned.answer.set(new byte[24]); // NULL DomainHandle, STATUS_SUCCESS
    var r = samr.samrOpenDomain(SamprHandle.NULL, 0x301, sid);
    assertThat(r.returnValue()).isZero();
    assertThat(r.domainHandle().isNull()).isTrue();
    byte[] in = canned.lastRequest.get();
    // handle (20) + access (4) + conformance 4 + rev 1, count 4, authority 6 + 4 sub-authorities.
    assertThat(in).hasSize(20 + 4 + 4 + 8 + 16);
    assertThat(HexFormat.of().formatHex(in, 20, 36)).isEqualTo("01030000" + "04000000" + "0104" + "000000000005");
  }
}
