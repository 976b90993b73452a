package org.msrpc4j.idl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in spec IDLs equal what ../shared/tools/extract-idl produces today, so the fixes in
 * {@link SpecIdl} are applied to the real extraction. Skipped where ../shared is not beside the
 * repository (CI has it).
 */
class SpecIdlExtractionTest {
  static java.util.List<String> names() {
    return SpecIdl.NAMES;
  }

  @ParameterizedTest
  @MethodSource("names")
  void checkedInCopyEqualsAFreshExtraction(String name) throws Exception {
    // Surefire runs in the module directory: the repository root is its parent.
    Path shared = Path.of("").toAbsolutePath().getParent().resolveSibling("shared");
    Path tool = shared.resolve("tools/extract-idl");
    Path spec = shared.resolve("specs/" + name.toUpperCase(Locale.ROOT) + ".md");
    assumeTrue(Files.isRegularFile(tool) && Files.isRegularFile(spec), "../shared is not beside the repository");
    Process p = new ProcessBuilder("python3", tool.toString(), spec.toString()).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(SpecIdl.raw(name));
  }
}
