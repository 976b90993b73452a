package org.msrpc4j.security.ntlm;

import java.time.Instant;

/** Windows FILETIME: 100-ns intervals since 1601-01-01 UTC. Stateless. */
final class FileTime {
  private static final long EPOCH_DIFF_SECONDS = 11644473600L;

  private FileTime() {}

  static long of(Instant t) {
    return (t.getEpochSecond() + EPOCH_DIFF_SECONDS) * 10_000_000L + t.getNano() / 100;
  }

  static Instant toInstant(long fileTime) {
    long seconds = Math.floorDiv(fileTime, 10_000_000L) - EPOCH_DIFF_SECONDS;
    long nanos = Math.floorMod(fileTime, 10_000_000L) * 100;
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
