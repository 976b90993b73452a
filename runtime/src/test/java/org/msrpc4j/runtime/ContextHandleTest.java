package org.msrpc4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.pdu.BindNakPdu;
import org.msrpc4j.runtime.pdu.BindPdu;
import org.msrpc4j.runtime.pdu.PduType;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.PresentationContext;
import org.msrpc4j.runtime.server.RpcServer;

/** Context handles shared by the connections of one association group, and their rundown. */
class ContextHandleTest {
  static final InterfaceId IFACE = InterfaceId.of("3d3b2a00-0000-4000-8000-00000000a003", 1, 0);

  /** A counter object behind a handle. */
  static final class Counter {
    final int value;

    Counter(int value) {
      this.value = value;
    }
  }

  /** opnum 0 open(u32) -> handle; 1 get(handle) -> u32; 2 close(handle) -> handle; 3 sleep(u32 ms). */
  static final class Handles implements RpcInterfaceHandler {
    final List<SocketAddress> peers = new CopyOnWriteArrayList<>();
    final List<Integer> rundowns = new CopyOnWriteArrayList<>();
    final CountDownLatch rundown = new CountDownLatch(1);

    @Override
    public InterfaceId interfaceId() {
      return IFACE;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
      peers.add(call.clientAddress());
      try {
        NdrDecoder d = new NdrDecoder(in);
        NdrEncoder e = new NdrEncoder();
        switch (opnum) {
          case 0 -> {
            int v = d.readInt32();
            e.writeContextHandle(call.contextHandles().create(new Counter(v), c -> {
              rundowns.add(c.value);
              rundown.countDown();
            }));
          }
          case 1 -> {
            try (ServerContextHandles.Lease<Counter> l = call.contextHandles().acquire(d.readContextHandle(), Counter.class)) {
              e.writeInt32(l.value().value);
            }
          }
          case 2 -> {
            call.contextHandles().close(d.readContextHandle(), Counter.class);
            e.writeContextHandle(NdrContextHandle.NULL);
          }
          case 3 -> Thread.sleep(d.readInt32());
          default -> throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
        }
        return e.toByteArray();
      } catch (org.msrpc4j.ndr.NdrException x) {
        throw new RpcException(x.status(), x.getMessage());
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        throw new RpcException(RpcStatus.RPC_S_CALL_CANCELLED);
      }
    }
  }

  private RpcServer server;
  private RpcClient client;
  private Handles handles;

  @BeforeEach
  void start() throws Exception {
    handles = new Handles();
    server = RpcServer.builder().listen("127.0.0.1", 0).register(handles).build().start();
    client = RpcClient.create();
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdown(Duration.ofSeconds(2));
  }

  private static byte[] u32(int v) throws Exception {
    NdrEncoder e = new NdrEncoder();
    e.writeInt32(v);
    return e.toByteArray();
  }

  private static byte[] handle(NdrContextHandle h) throws Exception {
    NdrEncoder e = new NdrEncoder();
    e.writeContextHandle(h);
    return e.toByteArray();
  }

  private static NdrContextHandle open(RpcChannel ch, int v) throws Exception {
    return new NdrDecoder(ch.call(IFACE, 0, u32(v))).readContextHandle();
  }

  private static int get(RpcChannel ch, NdrContextHandle h) throws Exception {
    return new NdrDecoder(ch.call(IFACE, 1, handle(h))).readInt32();
  }

  @Test
  void aHandleWorksOnEveryConnectionOfItsAssociationGroup() throws Exception {
    try (RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", server.port()),
        ClientSettings.defaults().withPool(2, 1))) {
      ch.call(IFACE, 3, u32(0)); // connection 1 exists and is bound before the race below starts
      CompletableFuture<byte[]> busy1 = ch.callAsync(IFACE, 3, u32(1500)); // occupies connection 1
      Thread.sleep(200);
      NdrContextHandle h = open(ch, 77); // connection 1 is busy: opens connection 2 in the same group
      SocketAddress createdOn = handles.peers.get(handles.peers.size() - 1);
      CompletableFuture<byte[]> busy2 = ch.callAsync(IFACE, 3, u32(1500)); // occupies connection 2
      busy1.get(10, TimeUnit.SECONDS);
      assertThat(get(ch, h)).isEqualTo(77); // served by connection 1
      SocketAddress usedOn = handles.peers.get(handles.peers.size() - 1);
      busy2.get(10, TimeUnit.SECONDS);
      assertThat(ch.connectionCount()).isEqualTo(2);
      assertThat(usedOn).isNotEqualTo(createdOn);
    }
  }

  @Test
  void handlesAreRunDownWhenTheClientGoesAway() throws Exception {
    RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", server.port()));
    NdrContextHandle kept = open(ch, 1);
    NdrContextHandle closed = open(ch, 2);
    ch.call(IFACE, 2, handle(closed));
    assertThat(get(ch, kept)).isEqualTo(1);
    ch.close();
    assertThat(handles.rundown.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200);
    assertThat(handles.rundowns).containsExactly(1);
  }

  @Test
  void wrongOrUnknownHandlesFaultWithContextMismatch() throws Exception {
    try (RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
      NdrContextHandle forged = new NdrContextHandle(0, java.util.UUID.randomUUID());
      assertThatThrownBy(() -> get(ch, forged)).isInstanceOfSatisfying(RpcException.class,
          e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH));
      assertThatThrownBy(() -> get(ch, NdrContextHandle.NULL)).isInstanceOfSatisfying(RpcException.class,
          e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH));
    }
  }

  @Test
  void aHandleIsNotVisibleFromAnotherAssociationGroup() throws Exception {
    NdrContextHandle h;
    try (RpcChannel a = client.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
      h = open(a, 5);
      try (RpcChannel b = client.channel(RpcBinding.tcp("127.0.0.1", server.port()))) {
        assertThatThrownBy(() -> get(b, h)).isInstanceOfSatisfying(RpcException.class,
            e -> assertThat(e.status()).isEqualTo(RpcStatus.NCA_S_FAULT_CONTEXT_MISMATCH));
      }
      assertThat(get(a, h)).isEqualTo(5);
    }
  }

  @Test
  void joiningAnUnknownAssociationGroupIsRefused() throws Exception {
    try (RawPeer p = new RawPeer(server.port())) {
      p.send(new BindPdu(PduType.BIND, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 1, 5840, 5840, 0x1234567,
          List.of(new PresentationContext(0, IFACE.syntax(), List.of(SyntaxId.NDR20))), null));
      assertThat(p.read()).isInstanceOf(BindNakPdu.class);
    }
  }
}
