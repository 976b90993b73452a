package org.msrpc4j.kerberos.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3962 appendix B AES-CTS vectors ("chicken teriyaki", IV 0). */
class AesCtsTest {
    private static final byte[] KEY = Hex.of("636869636b656e207465726979616b69");
    private static final byte[] TEXT =
            "I would like the General Gau's Chicken, please, and wonton soup.".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "17,c6353568f2bf8cb4d8a580362da7ff7f97",
        "31,fc00783e0efdb2c1d445d4c8eff7ed2297687268d6ecccc0c07b25e25ecfe5",
        "32,39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e25ecfe584",
        "47,97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2f838029e39312523a78662d5be7fcbcc98ebf5",
        "48,97687268d6ecccc0c07b25e25ecfe5849dad8bbb96c4cdc03bc103e1a194bbd839312523a78662d5be7fcbcc98ebf5a8",
        "64,97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a84807efe836ee89a526730dbc2f7bc8409dad8bbb96c4cdc03bc103e1a194bbd8",
    })
    void encryptsAndDecryptsRfc3962Vectors(int length, String cipherHex) throws Exception {
        byte[] plain = Arrays.copyOf(TEXT, length);
        assertThat(Hex.str(AesCts.encrypt(KEY, plain, 0, length))).isEqualTo(cipherHex);
        byte[] c = Hex.of(cipherHex);
        assertThat(AesCts.decrypt(KEY, c, 0, c.length)).isEqualTo(plain);
    }

    @Property(tries = 200)
    void decryptInvertsEncrypt(@ForAll @Size(min = 16, max = 200) byte[] plain) throws Exception {
        byte[] c = AesCts.encrypt(KEY, plain, 0, plain.length);
        assertThat(c).hasSize(plain.length);
        assertThat(AesCts.decrypt(KEY, c, 0, c.length)).isEqualTo(plain);
    }
}
