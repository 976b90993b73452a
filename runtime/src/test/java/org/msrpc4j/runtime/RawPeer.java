package org.msrpc4j.runtime;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.msrpc4j.runtime.pdu.BindPdu;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduFormatException;
import org.msrpc4j.runtime.pdu.PduType;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.PresentationContext;

/** A hand-driven TCP peer that writes arbitrary bytes and reads whole PDUs, for bad-input tests. */
final class RawPeer implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawPeer(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
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
    } catch (EOFException e) {
      return null;
    }
    int len = (header[8] & 0xFF) | (header[9] & 0xFF) << 8;
    byte[] frame = new byte[len];
    System.arraycopy(header, 0, frame, 0, 16);
    in.readFully(frame, 16, len - 16);
    return PduCodec.decode(frame);
  }

  /** True when the server closes the connection (after possibly sending some PDUs first). */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /** Like {@link #closedByServer()} but gives up after a short while (non-destructive probe). */
  boolean closedByServerWithin() throws IOException {
    int old = socket.getSoTimeout();
    socket.setSoTimeout(100);
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    } finally {
      socket.setSoTimeout(old);
    }
  }

  static BindPdu bind(int callId, InterfaceId iface) {
    return new BindPdu(PduType.BIND, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG | PfcFlags.CONC_MPX, callId,
        5840, 5840, 0, List.of(new PresentationContext(0, iface.syntax(), List.of(SyntaxId.NDR20))), null);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
