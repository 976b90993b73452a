package org.msrpc4j.cli.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place on a terminal (stderr). Called from the thread running
 * the phase only; not thread-safe.
 */
final class BenchProgressBar implements BenchPhase.Progress {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final double durationSeconds;
  private final long calls;
  private boolean drawn;

  /** Progress by time when {@code durationSeconds} > 0, else by calls out of {@code calls}. */
  BenchProgressBar(PrintStream out, double durationSeconds, long calls) {
    this.out = out;
    this.durationSeconds = durationSeconds;
    this.calls = calls;
  }

  @Override
  public void accept(long elapsedNanos, BenchStats stats) {
    long done = stats.calls();
    double fraction = durationSeconds > 0 ? elapsedNanos / 1e9 / durationSeconds : (double) done / calls;
    fraction = Math.max(0, Math.min(1, fraction));
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = elapsedNanos / 1e9;
    out.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d calls  %,.0f/s  %,d errors ", "#".repeat(filled),
        " ".repeat(WIDTH - filled), Math.round(fraction * 100), done, seconds > 0 ? done / seconds : 0,
        stats.errors()));
    out.flush();
    drawn = true;
  }

  /** Clears the line once the phase is over. */
  void clear() {
    if (drawn) {
      out.print("\r" + " ".repeat(WIDTH + 70) + "\r");
      out.flush();
    }
  }
}
