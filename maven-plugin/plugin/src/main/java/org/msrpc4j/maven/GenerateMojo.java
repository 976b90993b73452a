package org.msrpc4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.msrpc4j.idl.IdlCompiler;
import org.msrpc4j.idl.IdlException;

/**
 * {@code generate}: compiles every {@code *.idl} under {@code sourceDirectory} (default
 * {@code src/main/idl}) with the ACF beside it ({@code x.idl} + {@code x.acf}), each into its own
 * package (see {@link IdlPackageNames}), and adds the output directory as a compile source root.
 *
 * <p>Imports and {@code #include} look beside the importing file, then in {@code sourceDirectory},
 * then in {@code includeDirectories}. An error fails the build with its file:line:column.
 * Thread-safe: an execution keeps its state in its own fields.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  /** Where the IDL files are. */
  @Parameter(defaultValue = "${project.basedir}/src/main/idl")
  File sourceDirectory;

  /** Where the Java sources go; added as a compile source root. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/idl")
  File outputDirectory;

  /** Further directories for import and #include. */
  @Parameter
  List<File> includeDirectories = new ArrayList<>();

  /** The package prefix: a file's package is this plus its directories and base name. */
  @Parameter(required = true)
  String packageName;

  /** Explicit packages by IDL file name, e.g. {@code <ms-lsat.idl>org.example.lsat</ms-lsat.idl>}. */
  @Parameter
  Map<String, String> packages = Map.of();

  /** IDL file names (or paths relative to sourceDirectory) that are only imported, not generated. */
  @Parameter
  List<String> excludes = new ArrayList<>();

  /** Skips generation. */
  @Parameter(property = "msrpc4j.idl.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("IDL generation skipped");
      return;
    }
    Path root = sourceDirectory.toPath();
    if (!Files.isDirectory(root)) {
      getLog().info("No IDL directory " + root + "; nothing to generate");
      return;
    }
    List<Path> idls;
    try (Stream<Path> files = Files.walk(root)) {
      idls = files.filter(p -> p.toString().endsWith(".idl") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + root + ": " + e.getMessage(), e);
    }
    IdlPackageNames names = new IdlPackageNames(packageName, packages == null ? Map.of() : packages);
    Path out = outputDirectory.toPath();
    int generated = 0;
    for (Path idl : idls) {
      Path relative = root.relativize(idl);
      String rel = relative.toString().replace(File.separatorChar, '/');
      if (excludes.contains(rel) || excludes.contains(idl.getFileName().toString())) {
        continue;
      }
      Path acf = idl.resolveSibling(idl.getFileName().toString().replaceAll("\\.idl$", ".acf"));
      List<Path> includes = new ArrayList<>();
      includes.add(root);
      for (File dir : includeDirectories) {
        includes.add(dir.toPath());
      }
      String pkg = names.packageFor(relative);
      try {
        IdlCompiler.Outcome outcome = new IdlCompiler().compile(idl, Files.isRegularFile(acf) ? acf : null, includes, pkg, out);
        for (String w : outcome.warnings()) {
          getLog().warn(w);
        }
        generated += outcome.written().size();
        getLog().info(rel + " -> " + pkg + " (" + outcome.written().size() + " files)");
      } catch (IdlException e) {
        throw new MojoFailureException(e.getMessage(), e);
      }
    }
    project.addCompileSourceRoot(out.toString());
    getLog().info("Generated " + generated + " Java files from " + idls.size() + " IDL files into " + out);
  }
}
