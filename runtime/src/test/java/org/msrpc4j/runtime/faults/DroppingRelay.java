package org.msrpc4j.runtime.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a server that kills the first {@code drop} connections as soon as their
 * first bytes (the bind) arrive, with a reset, and relays every later connection byte for byte:
 * a connection that dies before the call is written. Closing it closes every socket it holds.
 *
 * <p>Thread-safe; one thread accepts, two pump each relayed connection.
 */
final class DroppingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final AtomicInteger toDrop;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  final AtomicInteger accepted = new AtomicInteger();

  DroppingRelay(int targetPort, int drop) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.toDrop = new AtomicInteger(drop);
    Thread t = new Thread(this::acceptLoop, "dropping-relay");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket in = listener.accept();
        accepted.incrementAndGet();
        sockets.add(in);
        if (toDrop.getAndDecrement() > 0) {
          in.getInputStream().read(new byte[16]);
          in.setSoLinger(true, 0); // RST, as a crashing peer
          in.close();
          continue;
        }
        Socket out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(out);
        pump(in, out);
        pump(out, in);
      } catch (IOException e) {
        // listener closed, or one relayed connection failed: the others go on
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
        int n;
        while ((n = i.read(buf)) > 0) {
          o.write(buf, 0, n);
          o.flush();
        }
      } catch (IOException e) {
        // either side closed
      } finally {
        try {
          to.close();
          from.close();
        } catch (IOException ignored) {
          // closing
        }
      }
    }, "relay-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
