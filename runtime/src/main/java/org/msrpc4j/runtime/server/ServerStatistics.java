package org.msrpc4j.runtime.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters reported by the management interface's inq_stats (rpc_c_stats_calls_in, calls_out,
 * pkts_in, pkts_out). Thread-safe.
 */
public final class ServerStatistics {
  private final AtomicLong callsIn = new AtomicLong();
  private final AtomicLong callsOut = new AtomicLong();
  private final AtomicLong pktsIn = new AtomicLong();
  private final AtomicLong pktsOut = new AtomicLong();

  void callIn() {
    callsIn.incrementAndGet();
  }

  void callOut() {
    callsOut.incrementAndGet();
  }

  void pktIn() {
    pktsIn.incrementAndGet();
  }

  void pktsOut(int n) {
    pktsOut.addAndGet(n);
  }

  public long callsIn() {
    return callsIn.get();
  }

  public long callsOut() {
    return callsOut.get();
  }

  public long pktsIn() {
    return pktsIn.get();
  }

  public long pktsOut() {
    return pktsOut.get();
  }
}
