package org.msrpc4j.security.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Samba's Python bindings as a test peer: availability check (skip locally, fail under CI=true)
 * and two configurations: a bare client smb.conf, and a provisioned AD domain (EXAMPLE, user alice)
 * kept under target/ so that it is provisioned once per clean build.
 */
final class SambaFixture {
  static final String PYTHON = "/usr/bin/python3";
  static final String ALICE_PASSWORD = "Alic3Pass!x";
  private static final Path BASE = Path.of("target", "samba-interop").toAbsolutePath();

  private SambaFixture() {}

  /** Skips the test when Samba's Python bindings are missing, unless CI=true (then it fails). */
  static void requireSamba() {
    requireModules("Samba's Python bindings", "import samba.gensec, samba.auth, samba.credentials");
  }

  /** Skips the test when Impacket is missing, unless CI=true (then it fails). */
  static void requireImpacket() {
    requireModules("Impacket", "import impacket.ntlm, Cryptodome.Cipher.ARC4");
  }

  private static void requireModules(String what, String imports) {
    String problem = null;
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", imports)
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        problem = what + " is not importable by " + PYTHON + ": " + out;
      }
    } catch (IOException | InterruptedException e) {
      problem = "cannot run " + PYTHON + ": " + e;
    }
    if (problem != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail(problem + " (CI=true: this interop test must run)");
      }
      Assumptions.abort(problem);
    }
  }

  /** A minimal smb.conf for a gensec client: every path inside target/. */
  static synchronized Path clientConf() throws IOException {
    Path dir = BASE.resolve("client");
    Files.createDirectories(dir);
    Path conf = dir.resolve("smb.conf");
    Files.writeString(conf, String.join("\n",
        "[global]",
        "workgroup = EXAMPLE",
        "netbios name = SAMBAPEER",
        "private dir = " + dir.resolve("private"),
        "lock directory = " + dir.resolve("lock"),
        "state directory = " + dir.resolve("state"),
        "cache directory = " + dir.resolve("cache"),
        ""));
    for (String d : List.of("private", "lock", "state", "cache")) {
      Files.createDirectories(dir.resolve(d));
    }
    return conf;
  }

  /** A provisioned AD domain EXAMPLE with user alice; provisioned once, then reused. */
  static synchronized Path domainConf() throws Exception {
    Path dir = BASE.resolve("dc");
    Path conf = dir.resolve("etc").resolve("smb.conf");
    Path marker = dir.resolve("provisioned.ok");
    if (Files.exists(marker)) {
      return conf;
    }
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
    Path empty = BASE.resolve("empty.conf");
    Files.writeString(empty, "");
    run(PYTHON, "/usr/bin/samba-tool", "domain", "provision", "--realm=EXAMPLE.TEST", "--domain=EXAMPLE",
        "--server-role=dc", "--dns-backend=NONE", "--adminpass=Adm1nPass!x", "--targetdir=" + dir, "-s", empty.toString());
    run(PYTHON, "/usr/bin/samba-tool", "user", "add", "alice", ALICE_PASSWORD, "-s", conf.toString());
    Files.writeString(marker, "ok\n");
    return conf;
  }

  private static void run(String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PATH", "/usr/bin:/bin");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
    }
  }
}
