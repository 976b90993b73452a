package org.msrpc4j.benchmarks.grpc;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed run as one line on standard error (the exception and its causes' messages) instead of a stack
 * trace, so a comparison script's log says why the baseline did not run, e.g. "Connection refused".
 *
 * <p>Stateless and thread-safe.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

  /** Exit status of a run that failed with an exception. */
  static final int EXIT_FAILED = 2;

  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
    StringBuilder line = new StringBuilder(commandLine.getCommandName()).append(": error: ");
    line.append(exception);
    for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      line.append("; caused by ").append(cause);
    }
    commandLine.getErr().println(line);
    commandLine.getErr().flush();
    return EXIT_FAILED;
  }
}
