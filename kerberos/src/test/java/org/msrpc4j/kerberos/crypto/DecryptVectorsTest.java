package org.msrpc4j.kerberos.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known ciphertexts from MIT krb5 src/lib/crypto/crypto_tests/t_decrypt.c. */
class DecryptVectorsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "23|''|0|F81FEC39255F5784E850C4377C88BD85|02C1EB15586144122EC717763DD348BF00434DDC6585954C",
        "23|1|1|67D1300D281223867F9647FF48721273|6156E0CC04E0A0874F9FDA008F498A7ADBBC80B70B14DDDBC0",
        "23|9 bytesss|2|3E40AB6093695281B3AC1A9304224D98|0F9AD121D99D4A09448E4F1F718C4F5CBE6096262C66F29DF232A87C9F98755D55",
        "23|13 bytes byte|3|4BA2FBF0379FAED87A254D3B353D5A7E|612C57568B17A70352BAE8CF26FB9459A6F3353CD35FD439DB3107CBEC765D326DFC04C1DD",
        "23|30 bytes bytes bytes bytes byt|4|68F263DB3FCE15D031C9EAB02D67107A|95F9047C3AD75891C2E9B04B16566DC8B6EB9CE4231AFB2542EF87A7B5A0F260A99F0460508DE0CECC632D07C354124E46C5D2234EB8",
        "17|''|0|5A5C0F0BA54F3828B2195E66CA24A289|49FF8E11C173D9583A3254FBE7B1F1DF36C538E8416784A1672E6676",
        "17|1|1|98450E3F3BAA13F5C99BEB936981B06F|F86742F537B35DC2174A4DBAA920FAF9042090B065E1EBB1CAD9A65394",
        "17|9 bytesss|2|9062430C8CDA3388922E6D6A509F5B7A|68FB9679601F45C78857B2BF820FD6E53ECA8D42FD4B1D7024A09205ABB7CD2EC26C355D2F",
        "17|13 bytes byte|3|033EE6502C54FD23E27791E987983827|EC366D0327A933BF49330E650E49BC6B974637FE80BF532FE51795B4809718E6194724DB948D1FD637",
        "17|30 bytes bytes bytes bytes byt|4|DCEEB70B3DE76562E689226C76429148|C96081032D5D8EEB7E32B4089F789D0FAA481DEA74C0F97CBF3146DDFCF8E800156ECB532FC203E30FF600B63B350939FECE510F02D7FF1E7BAC",
        "18|''|0|17F275F2954F2ED1F90C377BA7F4D6A369AA0136E0BF0C927AD6133C693759A9|E5094C55EE7B38262E2B044280B069379A95BF95BD8376FB3281B435",
        "18|1|1|B9477E1FF0329C0050E20CE6C72D2DFF27E8FE541AB0954429A9CB5B4F7B1E2A|406150B97AEB76D43B36B62CC1ECDFBE6F40E95755E0BEB5C27825F3A4",
        "18|13 bytes byte|3|E5A72BE9B7926C1225BAFEF9C1872E7BA4CDB2B17893D84ABD90ACDD8764D966|D8F1AAFEEC84587CC3E700A774E56651A6D693E174EC4473B5E6D96F80297A653FB818AD893E719F96",
        "18|30 bytes bytes bytes bytes byt|4|F1C795E9248A09338D82C3F8D5B567040B0110736845041347235B1404231398|D1137A4D634CFECE924DBC3BF6790648BD5CFF7DE0E7B99460211D0DAEF3D79A295C688858F3B34B9CBD6EEBAE81DAF6B734D4D498B6714F1C1D",
    })
    void decryptsMitVectors(int etype, String plaintext, int usage, String keyHex, String cipherHex) throws Exception {
        EncryptionType type = EncryptionType.byId(etype).orElseThrow();
        KerberosKey key = new KerberosKey(type, Hex.of(keyHex));
        byte[] plain = KerberosCipher.of(type).decrypt(key, usage, Hex.of(cipherHex));
        assertThat(new String(plain, StandardCharsets.US_ASCII)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "23|3E40AB6093695281B3AC1A9304224D98|0F9AD121D99D4A09448E4F1F718C4F5CBE6096262C66F29DF232A87C9F98755D55",
        "17|033EE6502C54FD23E27791E987983827|EC366D0327A933BF49330E650E49BC6B974637FE80BF532FE51795B4809718E6194724DB948D1FD637",
    })
    void tamperedCiphertextOrWrongUsageIsRejected(int etype, String keyHex, String cipherHex) {
        EncryptionType type = EncryptionType.byId(etype).orElseThrow();
        KerberosKey key = new KerberosKey(type, Hex.of(keyHex));
        byte[] c = Hex.of(cipherHex);
        c[c.length / 2] ^= 1;
        assertThatThrownBy(() -> KerberosCipher.of(type).decrypt(key, 2, c)).isInstanceOf(KerberosCryptoException.class);
        assertThatThrownBy(() -> KerberosCipher.of(type).decrypt(key, 7, Hex.of(cipherHex)))
                .isInstanceOf(KerberosCryptoException.class);
        assertThatThrownBy(() -> KerberosCipher.of(type).decrypt(key, 2, new byte[5]))
                .isInstanceOf(KerberosCryptoException.class);
    }

    @Property(tries = 60)
    void encryptThenDecrypt(@ForAll byte[] plain, @ForAll @IntRange(min = 0, max = 30) int usage,
            @ForAll("types") EncryptionType type) throws Exception {
        byte[] kb = new byte[type.keyLength()];
        new java.util.Random(usage).nextBytes(kb);
        KerberosKey key = new KerberosKey(type, kb);
        KerberosCipher c = KerberosCipher.of(type);
        assertThat(c.decrypt(key, usage, c.encrypt(key, usage, plain))).isEqualTo(plain);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<EncryptionType> types() {
        return net.jqwik.api.Arbitraries.of(EncryptionType.class);
    }
}
