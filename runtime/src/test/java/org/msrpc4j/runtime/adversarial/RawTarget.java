package org.msrpc4j.runtime.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.pdu.BindAckPdu;
import org.msrpc4j.runtime.server.RpcServer;
import org.msrpc4j.runtime.server.ServerSettings;

/**
 * A real {@link RpcServer} on loopback without authentication, for attacks below the security
 * layer (framing, reassembly, timeouts): its interface records every stub delivered to it, so that
 * a test can check what reached the server's code. Thread-safe.
 *
 * <p>Interface {@link #IFACE}: opnum 0 echoes its stub; opnum 1 sleeps 1.5 s, then echoes.
 */
final class RawTarget implements AutoCloseable {
  static final InterfaceId IFACE = InterfaceId.of("5c1f0a7e-9b1d-4c7a-8f3e-00000000ad02", 1, 0);

  /** Every stub delivered to the interface, in order. */
  final List<byte[]> delivered = new CopyOnWriteArrayList<>();
  final RpcServer server;

  RawTarget(ServerSettings settings) throws RpcException {
    server = RpcServer.builder().listen("127.0.0.1", 0).settings(settings).register(new Recording()).build().start();
  }

  int port() {
    return server.port();
  }

  /** A raw connection that has bound {@link #IFACE}. */
  RawConnection bound() throws Exception {
    RawConnection c = new RawConnection(port());
    c.send(RawConnection.bind(1, IFACE));
    assertThat(c.read()).isInstanceOf(BindAckPdu.class);
    return c;
  }

  /** One call by a well-behaved client on its own connection: "other clients are unaffected". */
  void assertServesAnotherClient() throws RpcException {
    try (RpcClient client = RpcClient.create(ClientSettings.defaults().withCallTimeout(Duration.ofSeconds(10)), null);
        RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", port()))) {
      assertThat(ch.call(IFACE, 0, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
    }
  }

  private final class Recording implements RpcInterfaceHandler {
    @Override
    public InterfaceId interfaceId() {
      return IFACE;
    }

    @Override
    public byte[] dispatch(int opnum, byte[] in, RpcCall call) throws RpcException {
      delivered.add(in.clone());
      if (opnum == 1) {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else if (opnum != 0) {
        throw new RpcException(RpcStatus.NCA_S_OP_RNG_ERROR);
      }
      return in;
    }
  }

  @Override
  public void close() {
    server.shutdown(Duration.ofSeconds(2));
  }
}
