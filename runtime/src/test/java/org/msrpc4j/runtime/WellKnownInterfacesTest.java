package org.msrpc4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
 * mgmt and the endpoint mapper in-JVM, beside a small raw-stub test interface ({@link
 * TestInterfaces.Loop}). rpcecho and its Samba byte vectors are tested where its stubs are
 * generated: module interfaces, {@code org.msrpc4j.interfaces.echo}.
 */
class WellKnownInterfacesTest {
  private RpcServer server;
  private RpcServer epm;
  private RpcClient client;
  private RpcChannel channel;

  @BeforeEach
  void start() throws Exception {
    server = RpcServer.builder().listen("127.0.0.1", 0).principalName("host/test.example")
        .register(new TestInterfaces.Loop()).build().start();
    EndpointRegistry registry = new EndpointRegistry();
    epm = RpcServer.builder().listen("127.0.0.1", 0).register(new EpmDispatcher(registry)).build().start();
    registry.registerTcp(TestInterfaces.LOOP, server.port(), "loop");
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
  void aSleepingCallDoesNotBlockOtherCalls() throws Exception {
    CompletableFuture<byte[]> sleeping = channel.callAsync(TestInterfaces.LOOP, 1, TestInterfaces.u32(2000));
    assertThat(channel.call(TestInterfaces.LOOP, 0, TestInterfaces.u32(7))).isEqualTo(TestInterfaces.u32(7));
    assertThat(sleeping).isNotDone();
    assertThat(sleeping.get(10, TimeUnit.SECONDS)).isEqualTo(TestInterfaces.u32(2000));
  }

  @Test
  void managementInterfaceAnswers() throws Exception {
    MgmtClient m = new MgmtClient(channel);
    channel.call(TestInterfaces.LOOP, 0, new byte[4]);
    assertThat(m.inqIfIds()).contains(TestInterfaces.LOOP, RpcMgmt.INTERFACE);
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
      assertThat(all).extracting(EndpointEntry::annotation).containsExactly("loop", "mgmt", "epmapper");
      assertThat(all.get(0).tower().tcpPort()).contains(server.port());
      assertThat(all.get(0).tower().iface()).contains(TestInterfaces.LOOP);
      assertThat(c.mapTcp(TestInterfaces.LOOP, null)).contains(server.port());
      assertThat(c.mapTcp(InterfaceId.of("11111111-1111-1111-1111-111111111111", 1, 0), null)).isEmpty();
      // A newer minor version than registered is not served.
      assertThat(c.mapTcp(new InterfaceId(TestInterfaces.LOOP.uuid(), 1, 3), null)).isEmpty();
    }
  }

  @Test
  void bindingWithoutPortIsResolvedThroughTheEndpointMapper() throws Exception {
    try (RpcChannel ch = client.channel(RpcBinding.parse("ncacn_ip_tcp:127.0.0.1"))) {
      assertThat(ch.call(TestInterfaces.LOOP, 0, TestInterfaces.u32(9))).isEqualTo(TestInterfaces.u32(9));
    }
  }
}
