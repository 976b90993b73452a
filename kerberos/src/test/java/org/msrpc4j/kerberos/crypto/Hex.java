package org.msrpc4j.kerberos.crypto;

import java.util.HexFormat;

/** Test helper: hex with spaces and \x escapes allowed. */
final class Hex {
    private Hex() {
    }

    static byte[] of(String s) {
        return HexFormat.of().parseHex(s.replace("\\x", "").replace(" ", "").replace("\n", ""));
    }

    static String str(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
