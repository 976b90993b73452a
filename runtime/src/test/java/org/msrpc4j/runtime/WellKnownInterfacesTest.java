package org.msrpc4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.echo.EchoClient;
import org.msrpc4j.runtime.echo.EchoDispatcher;
import org.msrpc4j.runtime.echo.EchoInfo;
import org.msrpc4j.runtime.echo.RpcEcho;
import org.msrpc4j.runtime.echo.SambaEchoService;
import org.msrpc4j.runtime.epm.EndpointEntry;
import org.msrpc4j.runtime.epm.EndpointRegistry;
import org.msrpc4j.runtime.epm.EpmClient;
import org.msrpc4j.runtime.epm.EpmDispatcher;
import org.msrpc4j.runtime.epm.EpmEndpointResolver;
import org.msrpc4j.runtime.epm.RpcEpm;
import org.msrpc4j.runtime.mgmt.MgmtClient;
import org.msrpc4j.runtime.mgmt.RpcMgmt;
import org.msrpc4j.runtime.server.RpcServer;

/**
 * rpcecho, mgmt and the endpoint mapper in-JVM. Byte vectors marked "Samba" were produced with
 * Samba 4.17's {@code samba.ndr.ndr_pack_out} for the same values.
 */
class WellKnownInterfacesTest {
  private static final HexFormat HEX = HexFormat.of();
  private RpcServer server;
  private RpcServer epm;
  private RpcClient client;
  private RpcChannel channel;

  @BeforeEach
  void start() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).principalName("host/test.example")
        .register(new EchoDispatcher(new SambaEchoService(1 << 20))).build().start();
    EndpointRegistry registry = new EndpointRegistry();
    epm = RpcServer.builder().listen("127.0.0.1", 0).register(new EpmDispatcher(registry)).build().start();
    registry.registerTcp(RpcEcho.INTERFACE, server.port(), "rpcecho");
    registry.registerTcp(RpcMgmt.INTERFACE, server.port(), "mgmt");
    registry.registerTcp(RpcEpm.INTERFACE, epm.port(), "epmapper");
    client = RpcClient.create(ClientSettings.defaults(), new EpmEndpointResolver(epm.port()));
    channel = client.channel(RpcBinding.tcp("127.0.0.1", server.port()));
  }

  @AfterEach
  void stop() {
    channel.close();
    client.close();
    server.shutdown(Duration.ofSeconds(2));
    epm.shutdown(Duration.ofSeconds(2));
  }

  @Test
  void echoOperationsHaveSambasSemantics() throws Exception {
    EchoClient echo = new EchoClient(channel);
    assertThat(echo.addOne(41)).isEqualTo(42);
    assertThat(echo.addOne(-1)).isZero();
    byte[] data = new byte[70_000];
    new java.util.Random(3).nextBytes(data);
    assertThat(echo.echoData(data)).isEqualTo(data);
    echo.sinkData(data);
    byte[] src = echo.sourceData(300);
    assertThat(src).hasSize(300);
    assertThat(src[0]).isEqualTo((byte) 0);
    assertThat(src[255]).isEqualTo((byte) 255);
    assertThat(src[256]).isEqualTo((byte) 0);
    assertThat(echo.testCall("héllo wörld")).isEqualTo("héllo wörld");
    assertThat(echo.testCall2(5)).isEqualTo(new EchoInfo(5, 50, 60));
    assertThat(echo.testCall2(7)).isEqualTo(new EchoInfo(7, 80, 90));
    assertThatThrownBy(() -> echo.testCall2(8)).isInstanceOf(RpcException.class);
    assertThatThrownBy(() -> echo.sourceData(2 << 20)).isInstanceOfSatisfying(RpcException.class,
        e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY));
  }

  @Test
  void testCall2OutputIsByteIdenticalToSamba() throws Exception {
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_CALL2, HEX.parseHex("0100"))))
        .isEqualTo("01000a0000000000");
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_CALL2, HEX.parseHex("0500"))))
        .isEqualTo("050000000000000032000000000000003c0000000000000000000000");
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_CALL2, HEX.parseHex("0600"))))
        .isEqualTo("0600465000000000");
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_CALL2, HEX.parseHex("0700"))))
        .isEqualTo("070000000000000050000000000000005a0000000000000000000000");
  }

  @Test
  void testCallOutputIsByteIdenticalToSamba() throws Exception {
    byte[] in = HEX.parseHex("030000000000000003000000610062000000"); // Samba ndr_pack_in, s1 = "ab"
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_CALL, in)))
        .isEqualTo("00000200030000000000000003000000610062000000");
  }

  @Test
  void testSurroundingDoublesWithZeros() throws Exception {
    byte[] in = HEX.parseHex("020000000200000001000200"); // Samba ndr_pack_in, x = 2, {1, 2}
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_SURROUNDING, in)))
        .isEqualTo("04000000" + "04000000" + "0000000000000000");
  }

  @Test
  void testEnumSetsFoo2E1() throws Exception {
    // foo1 = 1; foo2 = {e1 = 1, e2 = 1}; foo3 = arm 1 {e1 = 1}
    byte[] in = HEX.parseHex("0100" + "0000" + "0100" + "0000" + "01000000" + "0100" + "0100");
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_ENUM, in)))
        .isEqualTo("0100" + "0000" + "0200" + "0000" + "01000000" + "0100" + "0100");
  }

  @Test
  void testDoublePointerDereferences() throws Exception {
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_DOUBLE_POINTER,
        HEX.parseHex("00000200" + "04000200" + "0700")))).isEqualTo("0700");
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_DOUBLE_POINTER,
        HEX.parseHex("00000200" + "00000000")))).isEqualTo("0000");
    assertThat(HEX.formatHex(channel.call(RpcEcho.INTERFACE, RpcEcho.TEST_DOUBLE_POINTER,
        HEX.parseHex("00000000")))).isEqualTo("0000");
  }

  @Test
  void truncatedEchoStubFaultsWithBadStubData() throws Exception {
    assertThatThrownBy(() -> channel.call(RpcEcho.INTERFACE, RpcEcho.ECHO_DATA, HEX.parseHex("10000000ffffff7f")))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
    assertThatThrownBy(() -> channel.call(RpcEcho.INTERFACE, RpcEcho.ADD_ONE, new byte[2]))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_X_BAD_STUB_DATA));
    assertThatThrownBy(() -> channel.call(RpcEcho.INTERFACE, 10, new byte[0]))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_OP_RNG_ERROR));
  }

  @Test
  void testSleepDoesNotBlockOtherCalls() throws Exception {
    EchoClient echo = new EchoClient(channel);
    CompletableFuture<Integer> sleeping = echo.testSleepAsync(2);
    assertThat(echo.addOne(1)).isEqualTo(2);
    assertThat(sleeping).isNotDone();
    assertThat(sleeping.get(10, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void managementInterfaceAnswers() throws Exception {
    MgmtClient m = new MgmtClient(channel);
    new EchoClient(channel).addOne(1);
    assertThat(m.inqIfIds()).contains(RpcEcho.INTERFACE, RpcMgmt.INTERFACE);
    long[] stats = m.inqStats();
    assertThat(stats).hasSize(4);
    assertThat(stats[RpcMgmt.STATS_CALLS_IN]).isGreaterThanOrEqualTo(2);
    assertThat(m.isServerListening()).isTrue();
    assertThat(m.inqPrincName(9, 256)).isEqualTo("host/test.example");
    assertThatThrownBy(m::stopServerListening).isInstanceOfSatisfying(RpcException.class,
        e -> assertThat(e.status()).isEqualTo(RpcStatus.ERROR_ACCESS_DENIED));
    assertThat(server.isListening()).isTrue();
  }

  @Test
  void endpointMapperLookupAndMap() throws Exception {
    try (RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", epm.port()))) {
      EpmClient c = new EpmClient(ch);
      List<EndpointEntry> all = c.lookupAll();
      assertThat(all).extracting(EndpointEntry::annotation).containsExactly("rpcecho", "mgmt", "epmapper");
      assertThat(all.get(0).tower().tcpPort()).contains(server.port());
      assertThat(all.get(0).tower().iface()).contains(RpcEcho.INTERFACE);
      assertThat(c.mapTcp(RpcEcho.INTERFACE, null)).contains(server.port());
      assertThat(c.mapTcp(InterfaceId.of("11111111-1111-1111-1111-111111111111", 1, 0), null)).isEmpty();
      // A newer minor version than registered is not served.
      assertThat(c.mapTcp(new InterfaceId(RpcEcho.INTERFACE.uuid(), 1, 1), null)).isEmpty();
    }
  }

  @Test
  void bindingWithoutPortIsResolvedThroughTheEndpointMapper() throws Exception {
    try (RpcChannel ch = client.channel(RpcBinding.parse("ncacn_ip_tcp:127.0.0.1"))) {
      assertThat(new EchoClient(ch).addOne(9)).isEqualTo(10);
    }
  }
}
