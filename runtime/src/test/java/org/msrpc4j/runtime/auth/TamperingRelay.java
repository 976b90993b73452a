package org.msrpc4j.runtime.auth;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A TCP relay between a real client and a real server that passes client-to-server PDUs through a
 * rewrite function (index of the PDU on the connection, frame) → frames to forward: a man in the
 * middle that flips bits or replays PDUs. Server-to-client bytes pass unchanged.
 */
final class TamperingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  TamperingRelay(int serverPort, BiFunction<Integer, byte[], List<byte[]>> rewrite) throws IOException {
    listener = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket client = listener.accept();
          Socket server = new Socket(java.net.InetAddress.getLoopbackAddress(), serverPort);
          sockets.add(client);
          sockets.add(server);
          start(() -> pumpFrames(client.getInputStream(), server.getOutputStream(), rewrite));
          start(() -> server.getInputStream().transferTo(client.getOutputStream()));
        }
      } catch (IOException ignored) {
        // closed
      }
    }, "relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private interface IoTask {
    long run() throws IOException;
  }

  private void start(IoTask task) {
    Thread t = new Thread(() -> {
      try {
        task.run();
      } catch (IOException ignored) {
        // connection ended
      } finally {
        closeSockets();
      }
    }, "relay-pump");
    t.setDaemon(true);
    t.start();
  }

  private static long pumpFrames(InputStream in, OutputStream out, BiFunction<Integer, byte[], List<byte[]>> rewrite)
      throws IOException {
    DataInputStream din = new DataInputStream(in);
    int index = 0;
    while (true) {
      byte[] header = new byte[16];
      din.readFully(header);
      int length = (header[8] & 0xFF) | (header[9] & 0xFF) << 8;
      byte[] frame = new byte[length];
      System.arraycopy(header, 0, frame, 0, 16);
      din.readFully(frame, 16, length - 16);
      for (byte[] f : rewrite.apply(index++, frame)) {
        out.write(f);
      }
      out.flush();
    }
  }

  int port() {
    return listener.getLocalPort();
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
