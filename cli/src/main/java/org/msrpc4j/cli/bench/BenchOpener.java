package org.msrpc4j.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.msrpc4j.interfaces.echo.RpcechoClient;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.client.RpcChannel;

/**
 * Opens many authenticated connections, a bounded number at a time, each proven by one call
 * (connect + bind + authentication + call), and keeps those that answered right. Used for the
 * measured connections (so that connecting is not measured) and for {@code --idle-connections}.
 * Not thread-safe: one opener per batch, used by one thread.
 */
final class BenchOpener {
  /** Connections being opened at once: enough to keep both sides busy, few enough not to time out. */
  static final int WINDOW = 64;

  private final BenchConnector connector;
  private final Function<RpcChannel, CompletableFuture<String>> probe;
  private final List<RpcChannel> opened = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private volatile int failures;
  /** Set once open() has returned; guarded by {@code opened}. */
  private boolean finished;

  /**
   * @param probe the proving call: completes with null when the answer is right, else with what
   *     is wrong (or fails)
   */
  BenchOpener(BenchConnector connector, Function<RpcChannel, CompletableFuture<String>> probe) {
    this.connector = connector;
    this.probe = probe;
  }

  /**
   * The probe of a measured connection: AddOne on rpcecho (which binds the interface the
   * measurement uses), is_server_listening for mgmt. Only success counts here: the answers are
   * checked, and wrong ones counted, in the measurement itself.
   */
  static Function<RpcChannel, CompletableFuture<String>> probeFor(BenchOperation op) {
    if (op.kind() == BenchOperation.Kind.MGMT) {
      return ch -> op.start(null, ch, 0).thenApply(r -> null);
    }
    return ch -> new RpcechoClient(ch).echoAddOneAsync(0).thenApply(r -> null);
  }

  /** One mgmt is_server_listening call. */
  static Function<RpcChannel, CompletableFuture<String>> mgmtProbe() {
    BenchOperation mgmt = BenchOperation.parse("mgmt");
    return ch -> mgmt.start(null, ch, 0).thenApply(r -> mgmt.check(r, 0));
  }

  /**
   * Opens {@code count} connections and waits until each has answered or failed.
   *
   * @param timeoutNanos how long to wait for the last ones
   * @return the channels that answered right (the caller closes them)
   */
  List<RpcChannel> open(int count, long timeoutNanos) throws InterruptedException {
    Semaphore window = new Semaphore(WINDOW);
    for (int i = 0; i < count; i++) {
      window.acquire();
      RpcChannel ch;
      try {
        ch = connector.open();
      } catch (RpcException | RuntimeException e) {
        failed(e.getMessage());
        window.release();
        continue;
      }
      CompletableFuture<String> answer;
      try {
        answer = probe.apply(ch);
      } catch (RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      answer.whenComplete((wrong, error) -> {
        if (error == null && wrong == null) {
          synchronized (opened) {
            if (finished) {
              ch.close(); // too late: the caller has its list already
            } else {
              opened.add(ch);
            }
          }
        } else {
          ch.close();
          failed(error != null ? BenchSlot.describe(error) : wrong);
        }
        window.release();
      });
    }
    if (!window.tryAcquire(WINDOW, timeoutNanos, TimeUnit.NANOSECONDS)) {
      int late = WINDOW - window.availablePermits();
      for (int i = 0; i < late; i++) {
        failed("connections still opening after " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
      }
    }
    synchronized (opened) {
      finished = true;
      return new ArrayList<>(opened);
    }
  }

  private synchronized void failed(String message) {
    failures++;
    firstError.compareAndSet(null, message == null ? "(no message)" : message);
  }

  /** Connections that could not be opened or proven. */
  int failures() {
    return failures;
  }

  /** Why the first one failed, or null. */
  String firstError() {
    return firstError.get();
  }
}
