package org.msrpc4j.benchmarks.grpc;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load: M calls outstanding on each of N channels, each slot starting its next call from the
 * completion of the previous one, for a number of calls or for a duration.
 *
 * <p>Counts the way {@code msrpc bench} does, so the two tools' figures compare: a timed phase lasts from its first
 * call to its deadline, and a call that completes after the deadline is waited for but not counted (unless it
 * failed); a phase of N calls lasts until the last of them has completed. Every response is compared with the
 * request; a different echo counts as an error. Latencies go into an HdrHistogram {@link Recorder}, which completion
 * handlers on several event-loop threads may write at once.
 *
 * <p>One instance runs one phase (one call of {@link #runCalls} or {@link #runFor}); both are to be called from one
 * thread.
 */
final class ClosedLoopLoad {

  /** How long calls still outstanding at the end of a timed phase may take before they count as errors. */
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

  private final List<? extends Channel> channels;
  private final int inflightPerChannel;
  private final byte[] payload;

  private final Recorder latencyNanos = new Recorder(3);
  private final LongAdder calls = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final AtomicLong callsToStart = new AtomicLong(Long.MAX_VALUE);
  private volatile boolean stopped;

  ClosedLoopLoad(List<? extends Channel> channels, int inflightPerChannel, byte[] payload) {
    if (channels.isEmpty() || inflightPerChannel < 1) {
      throw new IllegalArgumentException("need at least one channel and one call in flight");
    }
    this.channels = List.copyOf(channels);
    this.inflightPerChannel = inflightPerChannel;
    this.payload = payload.clone();
  }

  /** Makes exactly {@code count} calls across all slots and returns when the last has completed. */
  LoadStats runCalls(long count) throws InterruptedException {
    callsToStart.set(count);
    return run(null);
  }

  /** Keeps the slots busy for {@code duration}, then waits for the calls still outstanding. */
  LoadStats runFor(Duration duration) throws InterruptedException {
    return run(duration);
  }

  private LoadStats run(Duration duration) throws InterruptedException {
    int slotCount = channels.size() * inflightPerChannel;
    CountDownLatch finished = new CountDownLatch(slotCount);
    // After an error the next call is started here rather than inside the failing call's callback: gRPC may report
    // a failure synchronously from the call that started it, and retrying in place would recurse without bound.
    ExecutorService afterError = Executors.newSingleThreadExecutor(r -> new Thread(r, "grpc-bench-after-error"));
    try {
      List<Slot> slots = new ArrayList<>(slotCount);
      for (Channel channel : channels) {
        EchoStub stub = EchoStub.on(channel);
        for (int i = 0; i < inflightPerChannel; i++) {
          slots.add(new Slot(stub, finished, afterError));
        }
      }
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      for (Slot slot : slots) {
        slot.startNext();
      }
      long end;
      long cpuEnd;
      if (duration == null) {
        finished.await();
        end = System.nanoTime();
        cpuEnd = processCpuNanos();
      } else {
        finished.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        stopped = true;
        end = System.nanoTime();
        cpuEnd = processCpuNanos();
        if (!finished.await(DRAIN_LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
          long outstanding = finished.getCount();
          errors.add(outstanding);
          firstError.compareAndSet(null, outstanding + " calls still outstanding " + DRAIN_LIMIT.toSeconds()
              + " s after the end");
        }
      }
      return new LoadStats(
          calls.sum(), errors.sum(), firstError.get(), end - start, cpuStart < 0 ? -1 : cpuEnd - cpuStart,
          latencyNanos.getIntervalHistogram());
    } finally {
      afterError.shutdownNow();
    }
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  private void recordError(String description) {
    errors.increment();
    firstError.compareAndSet(null, description);
  }

  /**
   * One outstanding call at a time. Its fields are written by the completion of one call and read by the next; gRPC
   * orders the callbacks of a call after its start, so no further synchronisation is needed.
   */
  private final class Slot implements StreamObserver<byte[]> {
    private final EchoStub stub;
    private final CountDownLatch finished;
    private final ExecutorService afterError;
    private long startNanos;
    private byte[] response;

    Slot(EchoStub stub, CountDownLatch finished, ExecutorService afterError) {
      this.stub = stub;
      this.finished = finished;
      this.afterError = afterError;
    }

    void startNext() {
      if (stopped || callsToStart.getAndDecrement() <= 0) {
        finished.countDown();
        return;
      }
      response = null;
      startNanos = System.nanoTime();
      stub.echoData(payload, this);
    }

    @Override
    public void onNext(byte[] value) {
      response = value;
    }

    @Override
    public void onCompleted() {
      long latency = System.nanoTime() - startNanos;
      if (Arrays.equals(payload, response)) {
        if (!stopped) {
          latencyNanos.recordValue(latency);
          calls.increment();
        }
      } else {
        recordError("echo differs from the request (" + (response == null ? "no" : response.length + " bytes of")
            + " response for " + payload.length + " bytes)");
      }
      startNext();
    }

    @Override
    public void onError(Throwable error) {
      Status status = Status.fromThrowable(error);
      recordError(status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription()));
      afterError.execute(this::startNext);
    }
  }
}
