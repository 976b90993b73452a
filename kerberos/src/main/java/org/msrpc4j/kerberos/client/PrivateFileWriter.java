package org.msrpc4j.kerberos.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that hold keys or tickets: readable by the owner only, and replaced atomically so
 * that a reader (kinit, klist, another process) never sees a half-written file.
 *
 * <p>Stateless; thread-safe.
 */
final class PrivateFileWriter {
    private PrivateFileWriter() {}

    /**
     * Writes {@code content} to {@code file} through a temporary file in the same directory.
     *
     * @param file the destination
     * @param content the bytes
     * @param tempPrefix prefix of the temporary file's name
     * @throws IOException when writing or moving fails
     */
    static void write(Path file, byte[] content, String tempPrefix) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, tempPrefix, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: keep the platform's default permissions.
            }
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
