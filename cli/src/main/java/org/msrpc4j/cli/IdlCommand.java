package org.msrpc4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.msrpc4j.idl.IdlCompiler;
import org.msrpc4j.idl.IdlException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code msrpc idl}: compiles a MIDL IDL file (and optionally its ACF) into Java sources — data
 * types, a client stub, a server interface and a dispatcher per interface. Exit 0 on success, 1
 * when the IDL or ACF has an error (reported as file:line:column), 2 for a usage error.
 * Stateless per invocation.
 */
@Command(name = "idl", mixinStandardHelpOptions = true,
    description = {"Compile a MIDL IDL file (with its ACF) into Java stubs and data types.",
        "Errors are reported as file:line:column: what is wrong."})
public final class IdlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.idl", description = "The IDL file to compile.")
  Path idl;

  @Option(names = "--acf", paramLabel = "FILE", description = "The application configuration file (ACF).")
  Path acf;

  @Option(names = "-I", paramLabel = "DIR", description = "A directory searched by import and #include (repeatable).")
  List<Path> includes = new ArrayList<>();

  @Option(names = "--package", required = true, paramLabel = "PKG", description = "The Java package of the generated classes.")
  String packageName;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "The source root to write into.")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      IdlCompiler.Outcome outcome = new IdlCompiler().compile(idl, acf, includes, packageName, output);
      for (String w : outcome.warnings()) {
        err.println("msrpc idl: warning: " + w);
      }
      out.println("msrpc idl: wrote " + outcome.written().size() + " Java files for package " + packageName + " under " + output);
      out.flush();
      err.flush();
      return 0;
    } catch (IdlException e) {
      err.println("msrpc idl: error: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
