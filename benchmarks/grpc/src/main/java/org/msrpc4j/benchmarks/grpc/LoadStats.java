package org.msrpc4j.benchmarks.grpc;

import org.HdrHistogram.Histogram;

/**
 * The outcome of one load phase. The histogram belongs to this result and is not modified after the phase; share
 * it between threads only after the phase has ended.
 *
 * @param calls calls whose echo came back equal to the request within the phase
 * @param errors calls that failed or came back different
 * @param firstError a description of the first error, or null; never carries payload bytes
 * @param elapsedNanos wall time from the first call started to the deadline (timed phase) or to the completion of
 *     the last call (counted phase)
 * @param cpuNanos CPU time of the whole client process (all threads, GC and JIT included) over the same wall time,
 *     or -1 where the JVM cannot tell
 * @param latencyNanos latency of the successful calls
 */
record LoadStats(
    long calls, long errors, String firstError, long elapsedNanos, long cpuNanos, Histogram latencyNanos) {}
