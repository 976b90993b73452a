package org.msrpc4j.idl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.msrpc4j.idl.gen.JavaGenerator;
import org.msrpc4j.idl.model.IdlModel;
import org.msrpc4j.idl.model.ModelBuilder;

/**
 * The IDL compiler's entry point, used by {@code msrpc idl} and the Maven plugin: compiles one IDL
 * file (with its imports and optional ACF) into Java sources in a package.
 *
 * <p>Stateless and thread-safe: every call builds its own model.
 */
public final class IdlCompiler {

  /**
   * What a compilation produced.
   *
   * @param written the files written, in generation order
   * @param warnings legal constructs that will not work at run time (shown to the user)
   */
  public record Outcome(List<Path> written, List<String> warnings) {}

  /**
   * Compiles {@code idl} and writes the Java sources under {@code outputDirectory} (in package
   * directories).
   *
   * @param idl the IDL file
   * @param acf its ACF, or null
   * @param includeDirectories the {@code -I} directories for import and #include
   * @param packageName the Java package of the generated classes
   * @param outputDirectory the source root to write into (created if missing)
   * @throws IdlException for any error in the IDL or ACF (with file:line:column) or when files
   *     cannot be written
   */
  public Outcome compile(Path idl, Path acf, List<Path> includeDirectories, String packageName, Path outputDirectory)
      throws IdlException {
    JavaGenerator.Result result = generate(idl, acf, includeDirectories, packageName);
    Map<String, String> files = result.files();
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = outputDirectory.resolve(f.getKey());
      try {
        Files.createDirectories(target.getParent());
        // Leave an unchanged file alone so that incremental builds do not recompile it.
        if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(f.getValue())) {
          Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new IdlException(null, "cannot write " + target + ": " + e.getMessage());
      }
      written.add(target);
    }
    return new Outcome(written, result.warnings());
  }

  /**
   * Compiles {@code idl} into sources held in memory.
   *
   * @return sources by relative path, and warnings
   */
  public JavaGenerator.Result generate(Path idl, Path acf, List<Path> includeDirectories, String packageName)
      throws IdlException {
    if (!Files.isRegularFile(idl)) {
      throw new IdlException(null, "cannot read IDL file " + idl + ": no such file");
    }
    if (acf != null && !Files.isRegularFile(acf)) {
      throw new IdlException(null, "cannot read ACF file " + acf + ": no such file");
    }
    IdlModel model = new ModelBuilder(new IncludePath(includeDirectories)).build(idl, acf);
    return new JavaGenerator().generate(model, packageName);
  }
}
