package org.msrpc4j.idl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code #include} and {@code import} look for files: first beside the file that names them,
 * then in each {@code -I} directory in order. Immutable and thread-safe.
 */
public final class IncludePath {
  private final List<Path> directories;

  /** @param directories the {@code -I} directories, searched in order */
  public IncludePath(List<Path> directories) {
    this.directories = List.copyOf(directories);
  }

  /** The {@code -I} directories. */
  public List<Path> directories() {
    return directories;
  }

  /**
   * Finds {@code name}.
   *
   * @param name as written in the directive
   * @param from the file containing the directive (its directory is searched first), or null
   * @return the file, or null when it is in none of the places
   */
  public Path resolve(String name, Path from) {
    Path own = from == null ? null : from.toAbsolutePath().getParent();
    if (own != null && Files.isRegularFile(own.resolve(name))) {
      return own.resolve(name).normalize();
    }
    for (Path dir : directories) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate.normalize();
      }
    }
    return null;
  }
}
