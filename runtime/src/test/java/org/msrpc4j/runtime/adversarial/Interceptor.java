package org.msrpc4j.runtime.adversarial;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A man in the middle on loopback: relays whole PDUs between a real client and a real server and
 * passes each through a rewrite in its direction (index of the PDU in that direction on the
 * connection, frame) → frames to forward (none to drop, several to inject). Records what the
 * server sent. Only the first connection through it is rewritten by index; later ones too, with
 * their own counters.
 *
 * <p>Thread-safe: each connection has its own pump threads; the record is a concurrent list.
 */
final class Interceptor implements AutoCloseable {
  /** Rewrites one PDU. */
  @FunctionalInterface
  interface Rewrite {
    List<byte[]> apply(int index, byte[] frame);
  }

  static final Rewrite PASS = (i, f) -> List.of(f);

  private final ServerSocket listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  /** Every PDU the server sent, in order (before any rewrite). */
  final List<byte[]> fromServer = new CopyOnWriteArrayList<>();

  Interceptor(int serverPort, Rewrite toServer, Rewrite toClient) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket client = listener.accept();
          Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
          sockets.add(client);
          sockets.add(server);
          pump(new DataInputStream(client.getInputStream()), server.getOutputStream(), toServer, null);
          pump(new DataInputStream(server.getInputStream()), client.getOutputStream(), toClient, fromServer);
        }
      } catch (IOException closed) {
        // the listener was closed
      }
    }, "interceptor-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void pump(DataInputStream in, OutputStream out, Rewrite rewrite, List<byte[]> record) {
    Thread t = new Thread(() -> {
      try {
        for (int index = 0; ; index++) {
          byte[] header = new byte[16];
          in.readFully(header);
          int length = Wire.u16(header, 8);
          byte[] frame = new byte[Math.max(16, length)];
          System.arraycopy(header, 0, frame, 0, 16);
          in.readFully(frame, 16, frame.length - 16);
          if (record != null) {
            record.add(frame.clone());
          }
          for (byte[] f : rewrite.apply(index, frame)) {
            out.write(f);
          }
          out.flush();
        }
      } catch (IOException ended) {
        // one side closed: close both, as a relay would
      } finally {
        closeSockets();
      }
    }, "interceptor-pump");
    t.setDaemon(true);
    t.start();
  }

  private void closeSockets() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    closeSockets();
  }
}
