package org.msrpc4j.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time this JVM process has used, from the platform's OperatingSystemMXBean. Stateless
 * and thread-safe.
 */
final class ProcessCpuClock {
  private ProcessCpuClock() {}

  /** Process CPU nanoseconds (all threads, user + system), or -1 where the JVM cannot tell. */
  static long nanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }
}
