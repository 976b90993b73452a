package org.msrpc4j.benchmarks.grpc;

import org.HdrHistogram.Histogram;

/**
 * The outcome of one load phase. The histogram belongs to this result and is not modified after the phase; share
 * it between threads only after the phase has ended.
 *
 * @param calls calls whose echo came back equal to the request
 * @param errors calls that failed or came back different
 * @param firstError a description of the first error, or null; never carries payload bytes
 * @param elapsedNanos wall time from the first call started to the last call finished
 * @param cpuNanos CPU time of the whole client process (all threads, GC and JIT included) over the phase
 * @param latencyNanos latency of the successful calls
 */
record LoadStats(
    long calls, long errors, String firstError, long elapsedNanos, long cpuNanos, Histogram latencyNanos) {}
