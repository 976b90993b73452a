package org.msrpc4j.kerberos.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3962 appendix B string-to-key vectors and the RC4-HMAC NT hash. */
class StringToKeyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password|ATHENA.MIT.EDUraeburn|1|42263c6e89f4fc28b8df68ee09799f15|fe697b52bc0d3ce14432ba036a92e65bbb52280990a2fa27883998d72af30161",
        "password|ATHENA.MIT.EDUraeburn|2|c651bf29e2300ac27fa469d693bdda13|a2e16d16b36069c135d5e9d2e25f896102685618b95914b467c67622225824ff",
        "password|ATHENA.MIT.EDUraeburn|1200|4c01cd46d632d01e6dbe230a01ed642a|55a6ac740ad17b4846941051e1e8b0a7548d93b0ab30a8bc3ff16280382b8c2a",
        "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX|pass phrase equals block size|1200|59d1bb789a828b1aa54ef9c2883f69ed|89adee3608db8bc71f1bfbfe459486b05618b70cbae22092534e56c553ba4b34",
        "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX|pass phrase exceeds block size|1200|cb8005dc5f90179a7f02104c0018751d|d78c5c9cb872a8c9dad4697f0bb5b2d21496c82beb2caeda2112fceea057401b",
        "\uD834\uDD1E|EXAMPLE.COMpianist|50|f149c1f2e154a73452d43e7fe62a56e5|4b6d9839f84406df1f09cc166db4b83c571848b784a3d6bdc346589a3e393f9e",
    })
    void rfc3962Vectors(String password, String salt, int iterations, String aes128, String aes256) throws Exception {
        var c128 = (AesCtsHmacSha1Cipher) KerberosCipher.of(EncryptionType.AES128_CTS_HMAC_SHA1_96);
        var c256 = (AesCtsHmacSha1Cipher) KerberosCipher.of(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        byte[] s = salt.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Hex.str(c128.stringToKey(password.toCharArray(), s, iterations).bytes())).isEqualTo(aes128);
        assertThat(Hex.str(c256.stringToKey(password.toCharArray(), s, iterations).bytes())).isEqualTo(aes256);
    }

    @Test
    void binarySaltVector() throws Exception {
        var c128 = (AesCtsHmacSha1Cipher) KerberosCipher.of(EncryptionType.AES128_CTS_HMAC_SHA1_96);
        assertThat(Hex.str(c128.stringToKey("password".toCharArray(), Hex.of("1234567878563412"), 5).bytes()))
                .isEqualTo("e9b23d52273747dd5c35cb55be619d8e");
    }

    @Test
    void iterationParameterIsBigEndian() throws Exception {
        KerberosKey k = KerberosCipher.of(EncryptionType.AES128_CTS_HMAC_SHA1_96)
                .stringToKey("password".toCharArray(), "ATHENA.MIT.EDUraeburn", Hex.of("000004b0"));
        assertThat(Hex.str(k.bytes())).isEqualTo("4c01cd46d632d01e6dbe230a01ed642a");
    }

    @Test
    void ntHash() throws Exception {
        assertThat(Hex.str(KerberosCipher.of(EncryptionType.RC4_HMAC).stringToKey("password".toCharArray(), "x", null).bytes()))
                .isEqualTo("8846f7eaee8fb117ad06bdd830b7586c");
    }
}
