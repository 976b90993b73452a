package org.msrpc4j.kerberos.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The in-place, three-part AES-CTS gives exactly the bytes of the one-buffer {@link AesCts} (itself
 * checked against RFC 3962's vectors) for every split of every length that crosses the block
 * boundaries the ciphertext-stealing step depends on.
 */
class AesCtsPartsTest {
    private static final byte[] KEY = Hex.of("636869636b656e207465726979616b69");
    private static final byte[] TEXT =
            "I would like the General Gau's Chicken, please, and wonton soup.".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "17,c6353568f2bf8cb4d8a580362da7ff7f97",
        "32,39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e25ecfe584",
        "47,97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2f838029e39312523a78662d5be7fcbcc98ebf5",
        "64,97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a84807efe836ee89a526730dbc2f7bc8409dad8bbb96c4cdc03bc103e1a194bbd8",
    })
    void rfc3962VectorsWithTheMessageSplitInThree(int length, String cipherHex) throws Exception {
        byte[] plain = Arrays.copyOf(TEXT, length);
        int midLen = (length - 16) / 2;
        AesCtsParts parts = new AesCtsParts(KEY);
        assertThat(Hex.str(split(parts, plain, midLen, true))).isEqualTo(cipherHex);
        assertThat(split(parts, Hex.of(cipherHex), midLen, false)).isEqualTo(plain);
    }

    @Test
    void everySplitMatchesTheOneBufferCipher() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        for (byte[] key : new byte[][] {randomBytes(random, 16), randomBytes(random, 32)}) {
            AesCtsParts parts = new AesCtsParts(key); // reused: no state may carry over between messages
            for (int length = 17; length <= 100; length++) {
                byte[] plain = randomBytes(random, length);
                byte[] expected = AesCts.encrypt(key, plain, 0, length);
                for (int midLen = 0; midLen <= length - 16; midLen++) {
                    assertThat(split(parts, plain, midLen, true)).as("length %d, middle %d", length, midLen).isEqualTo(expected);
                    assertThat(split(parts, expected, midLen, false)).as("length %d, middle %d", length, midLen).isEqualTo(plain);
                }
            }
        }
    }

    @Test
    void aLargeMiddleInsideALargerArray() throws Exception {
        SplittableRandom random = new SplittableRandom(4);
        byte[] key = randomBytes(random, 32);
        int midLen = 65536 + 5;
        byte[] plain = randomBytes(random, 16 + midLen + 32);
        byte[] expected = AesCts.encrypt(key, plain, 0, plain.length);
        byte[] first = Arrays.copyOf(plain, 16);
        byte[] frame = new byte[7 + midLen + 9];
        System.arraycopy(plain, 16, frame, 7, midLen);
        byte[] last = Arrays.copyOfRange(plain, 16 + midLen, plain.length);
        AesCtsParts parts = new AesCtsParts(key);
        parts.encrypt(first, frame, 7, midLen, last, 0, last.length);
        assertThat(first).isEqualTo(Arrays.copyOf(expected, 16));
        assertThat(Arrays.copyOfRange(frame, 7, 7 + midLen)).isEqualTo(Arrays.copyOfRange(expected, 16, 16 + midLen));
        assertThat(last).isEqualTo(Arrays.copyOfRange(expected, 16 + midLen, expected.length));
        assertThat(frame).startsWith(0, 0, 0, 0, 0, 0, 0);
        parts.decrypt(first, frame, 7, midLen, last, 0, last.length);
        parts.decrypt(new byte[16], new byte[0], 0, 0, new byte[16], 0, 16); // state does not leak between messages
        assertThat(Arrays.copyOfRange(frame, 7, 7 + midLen)).isEqualTo(Arrays.copyOfRange(plain, 16, 16 + midLen));
    }

    @Test
    void refusesAMessageOfOneBlock() throws Exception {
        AesCtsParts parts = new AesCtsParts(KEY);
        assertThatThrownBy(() -> parts.encrypt(new byte[16], new byte[8], 0, 0, new byte[7], 0, 0))
                .isInstanceOf(GeneralSecurityException.class);
    }

    /** Runs the parts cipher over plain split as 16 ‖ midLen ‖ rest and joins the result. */
    private static byte[] split(AesCtsParts parts, byte[] in, int midLen, boolean encrypt) throws GeneralSecurityException {
        byte[] first = Arrays.copyOf(in, 16);
        byte[] mid = Arrays.copyOfRange(in, 16, 16 + midLen);
        byte[] last = Arrays.copyOfRange(in, 16 + midLen, in.length);
        if (encrypt) {
            parts.encrypt(first, mid, 0, midLen, last, 0, last.length);
        } else {
            parts.decrypt(first, mid, 0, midLen, last, 0, last.length);
        }
        byte[] out = new byte[in.length];
        System.arraycopy(first, 0, out, 0, 16);
        System.arraycopy(mid, 0, out, 16, midLen);
        System.arraycopy(last, 0, out, 16 + midLen, last.length);
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
