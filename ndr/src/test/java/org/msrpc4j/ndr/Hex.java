package org.msrpc4j.ndr;

import java.util.HexFormat;

/** Hex helpers for expected encodings in tests. */
public final class Hex {
    private Hex() {
    }

    /** Parses hex, ignoring spaces. */
    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** Lower-case hex without separators. */
    public static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
