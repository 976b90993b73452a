package org.msrpc4j.fuzz;

import java.util.Set;

/**
 * Runs one parse of untrusted input and lets through only the failure its module documents.
 *
 * <p>A fuzz target is a contract check: a parser may refuse input with its checked exception, and
 * nothing else. Anything else (an unchecked exception, an error other than the fuzzer's own
 * out-of-memory or timeout detection) propagates, and Jazzer records it as a finding.
 *
 * <p>Stateless and thread-safe.
 */
final class Documented {
  private Documented() {}

  /** A parse step that may throw anything. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  /**
   * Runs {@code step}; returns false when it ended in one of {@code allowed}, true when it completed.
   *
   * @throws UndocumentedFailure when any other exception escaped
   */
  static boolean run(Step step, Set<Class<? extends Exception>> allowed) {
    try {
      step.run();
      return true;
    } catch (RuntimeException e) {
      throw new UndocumentedFailure(e);
    } catch (Exception e) {
      for (Class<? extends Exception> c : allowed) {
        if (c.isInstance(e)) {
          return false;
        }
      }
      throw new UndocumentedFailure(e);
    }
  }

  /** An exception that a parser's contract does not allow; the cause is what escaped. */
  static final class UndocumentedFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    UndocumentedFailure(Throwable cause) {
      super("undocumented failure: " + cause, cause);
    }
  }
}
