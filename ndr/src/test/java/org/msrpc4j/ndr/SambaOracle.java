package org.msrpc4j.ndr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/python/samba_ndr_oracle.py} under {@code /usr/bin/python3} (where Samba's Python
 * bindings live) and returns the bytes Samba's pidl-generated code produced for each named case.
 * Reusable by any test (for example generated types later).
 *
 * <p>When the oracle is unavailable the calling test is skipped through a JUnit assumption, except
 * when the environment variable {@code CI} is {@code true}: there a missing peer is a failure.
 */
public final class SambaOracle {
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path SCRIPT = Path.of("src/test/python/samba_ndr_oracle.py");

    private SambaOracle() {
    }

    /** Encodes the named cases with Samba; keys in request order. */
    public static Map<String, byte[]> encode(List<String> cases) throws IOException, InterruptedException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean present = Files.isExecutable(PYTHON);
        if (!present) {
            unavailable(ci, "/usr/bin/python3 not found");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON.toString());
        cmd.add(SCRIPT.toString());
        cmd.addAll(cases);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("samba oracle timed out");
        }
        int rc = p.exitValue();
        if (rc == 3) {
            unavailable(ci, new String(err, StandardCharsets.UTF_8).trim());
        }
        if (rc != 0) {
            throw new IllegalStateException("samba oracle failed (exit " + rc + "): " + new String(err, StandardCharsets.UTF_8));
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (String line : new String(out, StandardCharsets.US_ASCII).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            result.put(parts[0], parts.length > 1 ? Hex.bytes(parts[1]) : new byte[0]);
        }
        return result;
    }

    private static void unavailable(boolean ci, String why) {
        if (ci) {
            throw new IllegalStateException("CI=true but the Samba NDR oracle is unavailable: " + why);
        }
        assumeTrue(false, "Samba NDR oracle unavailable: " + why);
    }
}
