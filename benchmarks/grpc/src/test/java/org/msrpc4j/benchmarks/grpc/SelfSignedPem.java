package org.msrpc4j.benchmarks.grpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A fresh self-signed P-256 certificate for localhost and 127.0.0.1, made by the openssl command line the way
 * {@code run-grpc-bench} makes it (the JDK has no public API to issue a certificate).
 */
record SelfSignedPem(Path certificate, Path privateKey) {

  /** Writes {@code cert.pem} and {@code key.pem} into {@code directory}; fails clearly if openssl is missing. */
  static SelfSignedPem create(Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path certificate = directory.resolve("cert.pem");
    Path key = directory.resolve("key.pem");
    ProcessBuilder openssl =
        new ProcessBuilder(
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
            .redirectErrorStream(true);
    Process process;
    try {
      process = openssl.start();
    } catch (IOException e) {
      throw new IllegalStateException("openssl is needed to make the test certificate and is not on PATH", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("openssl req failed: " + output);
    }
    return new SelfSignedPem(certificate, key);
  }
}
