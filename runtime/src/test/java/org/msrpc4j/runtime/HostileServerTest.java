package org.msrpc4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.runtime.pdu.BindAckPdu;
import org.msrpc4j.runtime.pdu.ContextResult;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduType;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.ResponsePdu;

/** The client facing a broken or hostile server: it fails the call with a status, never hangs. */
class HostileServerTest {
  private ServerSocket listener;
  private Thread serverThread;

  @AfterEach
  void stop() throws Exception {
    listener.close();
    serverThread.join(5000);
  }

  /** Accepts one connection, answers the bind, then lets {@code afterBind} misbehave. */
  private int serve(BiConsumer<DataInputStream, OutputStream> afterBind) throws IOException {
    listener = new ServerSocket(0);
    serverThread = new Thread(() -> {
      try (Socket s = listener.accept()) {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        byte[] bind = readFrame(in);
        int callId = (bind[12] & 0xFF) | (bind[13] & 0xFF) << 8;
        out.write(PduCodec.encode(new BindAckPdu(PduType.BIND_ACK, 3, callId, 5840, 5840, 1, "1",
            List.of(new ContextResult(0, 0, SyntaxId.NDR20), new ContextResult(3, 0, SyntaxId.nil())), null)));
        readFrame(in); // the request
        afterBind.accept(in, out);
      } catch (IOException e) {
        // the test is over
      }
    });
    serverThread.start();
    return listener.getLocalPort();
  }

  private static byte[] readFrame(DataInputStream in) throws IOException {
    byte[] h = new byte[16];
    in.readFully(h);
    int len = (h[8] & 0xFF) | (h[9] & 0xFF) << 8;
    byte[] f = new byte[len];
    System.arraycopy(h, 0, f, 0, 16);
    in.readFully(f, 16, len - 16);
    return f;
  }

  private static void write(OutputStream out, byte[] b) {
    try {
      out.write(b);
      out.flush();
      Thread.sleep(3000);
    } catch (IOException | InterruptedException e) {
      // peer gone
    }
  }

  private RpcException callFails(int port) {
    ClientSettings s = ClientSettings.defaults().withCallTimeout(Duration.ofSeconds(2));
    try (RpcClient client = RpcClient.create(s, null); RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", port))) {
      ch.call(TestInterfaces.LOOP, 0, new byte[] {1});
      throw new AssertionError("the call succeeded");
    } catch (RpcException e) {
      return e;
    }
  }

  @Test
  void garbageInsteadOfAResponse() throws Exception {
    int port = serve((in, out) -> write(out, new byte[] {5, 0, 2, 3, 0x10, 0, 0, 0, 8, 0, 0, 0, 2, 0, 0, 0}));
    assertThat(callFails(port).status()).isEqualTo(RpcStatus.RPC_S_PROTOCOL_ERROR);
  }

  @Test
  void responseLargerThanTheClientAccepts() throws Exception {
    byte[] huge = PduCodec.encode(new ResponsePdu(3, 2, 0, 0, 0, new byte[60_000], null));
    int port = serve((in, out) -> write(out, huge));
    assertThat(callFails(port).status()).isEqualTo(RpcStatus.RPC_S_PROTOCOL_ERROR);
  }

  @Test
  void serverThatNeverAnswersTimesOut() throws Exception {
    int port = serve((in, out) -> write(out, new byte[0]));
    assertThat(callFails(port).status()).isEqualTo(RpcStatus.ERROR_TIMEOUT);
  }

  @Test
  void serverThatHangsUpFailsTheCall() throws Exception {
    int port = serve((in, out) -> { });
    assertThat(callFails(port).status()).isEqualTo(RpcStatus.RPC_S_CALL_FAILED);
  }

  @Test
  void unexpectedPduTypeFromTheServer() throws Exception {
    byte[] bind = PduCodec.encode(RawPeer.bind(2, TestInterfaces.LOOP));
    int port = serve((in, out) -> write(out, bind));
    assertThatThrownBy(() -> {
      throw callFails(port);
    }).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.status()).isEqualTo(RpcStatus.RPC_S_PROTOCOL_ERROR));
  }

  @Test
  void responseFragmentsForAnUnknownCallAreIgnored() throws Exception {
    byte[] stray = PduCodec.encode(new ResponsePdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 999, 0, 0, 0, new byte[4], null));
    byte[] real = PduCodec.encode(new ResponsePdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 2, 0, 0, 0, new byte[] {9}, null));
    int port = serve((in, out) -> {
      byte[] both = new byte[stray.length + real.length];
      System.arraycopy(stray, 0, both, 0, stray.length);
      System.arraycopy(real, 0, both, stray.length, real.length);
      write(out, both);
    });
    try (RpcClient client = RpcClient.create(); RpcChannel ch = client.channel(RpcBinding.tcp("127.0.0.1", port))) {
      assertThat(ch.call(TestInterfaces.LOOP, 0, new byte[] {1})).containsExactly(9);
    }
  }
}
