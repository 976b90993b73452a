package org.msrpc4j.cli.bench;

import java.util.Locale;

/**
 * Parses the payload sizes of {@code --op echodata:SIZE}: a byte count with an optional binary
 * suffix ({@code 1024}, {@code 64k}, {@code 1m}). Stateless.
 */
final class BenchSize {
  /** The largest payload accepted: the default request limit of msrpc4j's and Samba's servers. */
  static final int MAX = 8 << 20;

  private BenchSize() {}

  /**
   * @return the size in bytes
   * @throws IllegalArgumentException naming the text when it is not a size within 0..8m
   */
  static int parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (s.endsWith("k") || s.endsWith("kb") || s.endsWith("kib")) {
      unit = 1024;
    } else if (s.endsWith("m") || s.endsWith("mb") || s.endsWith("mib")) {
      unit = 1024 * 1024;
    }
    String digits = s.replaceFirst("(k|kb|kib|m|mb|mib)$", "");
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 1024, 64k, 1m)");
    }
    long n = Long.parseLong(digits) * unit;
    if (n > MAX) {
      throw new IllegalArgumentException("size " + text + " is above the limit of 8m");
    }
    return (int) n;
  }
}
