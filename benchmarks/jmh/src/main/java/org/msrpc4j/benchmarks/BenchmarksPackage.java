package org.msrpc4j.benchmarks;

/** JMH benchmarks of msrpc4j hot paths; see benchmarks/README.md. */
final class BenchmarksPackage {
  private BenchmarksPackage() {}
}
