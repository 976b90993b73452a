package org.msrpc4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code msrpc} command: entry point of the command-line tool and the demo.
 *
 * <p>Each subcommand is a small class of its own in this package; register it in the
 * {@code subcommands} list below (keep the list sorted by command name).
 */
@Command(
    name = "msrpc",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Authenticated Microsoft RPC (DCE/RPC + [MS-RPCE]) for the JVM.",
    subcommands = {
      CommandLine.HelpCommand.class,
      AccessCheckCommand.class,
      InheritCommand.class,
      SddlCommand.class,
      org.msrpc4j.cli.bench.BenchCommand.class,
      EchoCommand.class,
      EpmCommand.class,
      IdlCommand.class,
      KdcCommand.class,
      MgmtCommand.class,
      SamrCommand.class,
      ServeCommand.class,
      StoreCommand.class,
      DemoCommand.class,
      WhoamiCommand.class,
    })
public final class Msrpc implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Builds the command line with the project's shared settings (used by main and by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Msrpc());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
