package org.msrpc4j.runtime.adversarial;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.SyntaxId;
import org.msrpc4j.runtime.pdu.BindPdu;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduFormatException;
import org.msrpc4j.runtime.pdu.PduType;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.PresentationContext;
import org.msrpc4j.runtime.pdu.RequestPdu;

/**
 * An attacker's TCP connection: writes any bytes, at any pace, and reads whole PDUs. Not
 * thread-safe.
 */
final class RawConnection implements AutoCloseable {
  static final int WHOLE = PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawConnection(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(20_000);
    socket.setTcpNoDelay(true);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  void send(byte[] b) throws IOException {
    out.write(b);
    out.flush();
  }

  void send(Pdu p) throws IOException {
    send(PduCodec.encode(p));
  }

  /** The next PDU, or null when the server closed the connection. */
  Pdu read() throws IOException, PduFormatException {
    byte[] header = new byte[16];
    try {
      in.readFully(header);
    } catch (EOFException | SocketException closed) {
      return null;
    }
    int len = Wire.u16(header, Wire.FRAG_LENGTH);
    byte[] frame = new byte[len];
    System.arraycopy(header, 0, frame, 0, 16);
    in.readFully(frame, 16, len - 16);
    return PduCodec.decode(frame);
  }

  /** True when the server ends the connection (EOF or reset) within the read timeout, after any PDUs. */
  boolean closedByServer() throws IOException {
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // drain the refusal the server may send before closing
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  /**
   * Sends {@code bytes} one byte every {@code intervalMillis}; stops early when the server closes
   * the connection.
   *
   * @return how many bytes were sent before the server closed the connection (all of them when it
   *     did not)
   */
  int trickle(byte[] bytes, long intervalMillis) throws InterruptedException {
    for (int i = 0; i < bytes.length; i++) {
      try {
        if (closedWithin(0)) {
          return i;
        }
        send(new byte[] {bytes[i]});
      } catch (IOException closed) {
        return i;
      }
      Thread.sleep(intervalMillis);
    }
    return bytes.length;
  }

  /** A non-destructive probe: true when the server has closed the connection (nothing else to read). */
  private boolean closedWithin(int millis) throws IOException {
    int old = socket.getSoTimeout();
    socket.setSoTimeout(Math.max(1, millis));
    try {
      if (in.available() > 0) {
        return false;
      }
      return in.read() < 0;
    } catch (SocketTimeoutException open) {
      return false;
    } catch (SocketException reset) {
      return true;
    } finally {
      socket.setSoTimeout(old);
    }
  }

  /** A bind of {@code iface} on NDR, without authentication. */
  static BindPdu bind(int callId, InterfaceId iface) {
    return new BindPdu(PduType.BIND, WHOLE, callId, 5840, 5840, 0,
        List.of(new PresentationContext(0, iface.syntax(), List.of(SyntaxId.NDR20))), null);
  }

  /** A request fragment on context 0. */
  static RequestPdu request(int flags, int callId, int opnum, byte[] stub) {
    return new RequestPdu(flags, callId, stub.length, 0, opnum, null, stub, null);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
