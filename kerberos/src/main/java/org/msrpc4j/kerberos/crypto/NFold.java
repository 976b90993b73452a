package org.msrpc4j.kerberos.crypto;

/**
 * The RFC 3961 section 5.1 n-fold operation: stretches or folds a byte string to a given length
 * by concatenating 13-bit right-rotated copies and adding them with end-around carry.
 *
 * <p>Stateless; thread-safe.
 */
public final class NFold {
    private NFold() {
    }

    /**
     * Folds {@code input} to {@code outBytes} bytes.
     *
     * @param input the input, at least one byte
     * @param outBytes the wanted length in bytes, at least one
     * @return a new array of {@code outBytes} bytes
     */
    public static byte[] fold(byte[] input, int outBytes) {
        if (input.length == 0 || outBytes <= 0) {
            throw new IllegalArgumentException("n-fold needs a non-empty input and a positive output length");
        }
        int inBytes = input.length;
        int lcm = lcm(outBytes, inBytes);
        byte[] out = new byte[outBytes];
        int carry = 0;
        // Walk the lcm-length concatenation from its last byte backwards, as MIT's nfold does,
        // so that the carry propagates from the least significant end.
        for (int i = lcm - 1; i >= 0; i--) {
            int msbit = ((inBytes << 3) - 1 + (((inBytes << 3) + 13) * (i / inBytes)) + ((inBytes - (i % inBytes)) << 3))
                    % (inBytes << 3);
            int b = ((((input[((inBytes - 1) - (msbit >>> 3)) % inBytes] & 0xff) << 8)
                    | (input[(inBytes - (msbit >>> 3)) % inBytes] & 0xff)) >>> ((msbit & 7) + 1)) & 0xff;
            carry += b + (out[i % outBytes] & 0xff);
            out[i % outBytes] = (byte) carry;
            carry >>>= 8;
        }
        if (carry != 0) {
            for (int i = outBytes - 1; i >= 0; i--) {
                carry += out[i] & 0xff;
                out[i] = (byte) carry;
                carry >>>= 8;
            }
        }
        return out;
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
