package org.msrpc4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.msrpc4j.idl.IdlCompiler;
import org.msrpc4j.idl.IdlException;

/**
 * The IDL front end and generator end to end: preprocessor, lexer, parser, semantic model and Java
 * generation of one file, with an empty include path.
 *
 * <p>IDL is not network input, but a build must never crash on a bad file: the contract is
 * {@link IdlException} (with a position) and nothing else.
 */
class IdlParserFuzzTest {
  /** One scratch directory per JVM; the file inside is rewritten for each input. */
  private static final Path DIR = scratch();

  private static Path scratch() {
    try {
      Path dir = Files.createTempDirectory("idl-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void compile(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /** The libFuzzer-style entry point: the input is the IDL file's text (ISO-8859-1). */
  public static void fuzzerTestOneInput(byte[] input) {
    Path idl = DIR.resolve("fuzz.idl");
    try {
      Files.writeString(idl, new String(input, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scratch IDL file", e);
    }
    Documented.run(() -> new IdlCompiler().generate(idl, null, List.of(DIR), "org.msrpc4j.fuzz.generated"),
        Set.of(IdlException.class));
  }
}
