package org.msrpc4j.security.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running peer script from {@code src/test/resources/samba} ({@code ntlm_peer.py}: Samba's
 * gensec; {@code impacket_peer.py}: Impacket's ntlm module) playing the other side of NTLM, one
 * request line in, one answer line out. Not thread-safe.
 */
final class PythonPeer implements AutoCloseable {
  private final Process process;
  private final Writer in;
  private final BufferedReader out;
  private final Path stderr;

  private PythonPeer(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
  }

  static PythonPeer start(Path workDir, String scriptName, String... args) throws IOException {
    Path script = workDir.resolve(scriptName);
    try (var res = PythonPeer.class.getResourceAsStream("/samba/" + scriptName)) {
      Files.copy(res, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> cmd = new ArrayList<>(List.of(SambaFixture.PYTHON, script.toString()));
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile(workDir, "peer", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
    pb.environment().put("PATH", "/usr/bin:/bin");
    return new PythonPeer(pb.start(), err);
  }

  /** Sends one request line and returns the answer line. */
  String call(String line) {
    try {
      in.write(line + "\n");
      in.flush();
      String answer = out.readLine();
      if (answer == null) {
        throw new IllegalStateException("the peer script exited: " + Files.readString(stderr));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      in.write("QUIT\n");
      in.flush();
    } catch (IOException ignored) {
      // already gone
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
