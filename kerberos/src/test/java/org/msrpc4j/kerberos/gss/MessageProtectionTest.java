package org.msrpc4j.kerberos.gss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/** Round trips of DCE-style MIC and Wrap tokens between an initiator and an acceptor, and tampering. */
public class MessageProtectionTest {

    /** A PDU laid out as the runtime does: 24-byte header, stub, 8-byte sec_trailer, token. */
    static final class Pdu {
        final byte[] bytes;
        final int stub;
        final int token;

        Pdu(int stubLength, int tokenLength, long seed) {
            stub = stubLength;
            token = tokenLength;
            bytes = new byte[24 + stubLength + 8 + tokenLength];
            new Random(seed).nextBytes(bytes);
        }

        List<MessageSegment> segments(boolean headerSigning) {
            return List.of(
                    headerSigning ? MessageSegment.signOnly(bytes, 0, 24) : MessageSegment.readOnly(bytes, 0, 24),
                    MessageSegment.data(bytes, 24, stub),
                    headerSigning ? MessageSegment.signOnly(bytes, 24 + stub, 8) : MessageSegment.readOnly(bytes, 24 + stub, 8),
                    MessageSegment.token(bytes, 32 + stub, token));
        }

        byte[] stubBytes() {
            return Arrays.copyOfRange(bytes, 24, 24 + stub);
        }
    }

    static MessageProtection[] pair(EncryptionType type) throws Exception {
        byte[] k = new byte[type.keyLength()];
        new Random(7).nextBytes(k);
        KerberosKey key = new KerberosKey(type, k);
        if (type.isAes()) {
            return new MessageProtection[] {
                new CfxMessageProtection(key, true, true, 1000, 5000),
                new CfxMessageProtection(key, false, true, 5000, 1000)};
        }
        return new MessageProtection[] {
            new Rc4MessageProtection(key, true, 1000, 5000), new Rc4MessageProtection(key, false, 5000, 1000)};
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void sealedPdusRoundTripBothWaysWithHeaderSigning(EncryptionType type) throws Exception {
        MessageProtection[] p = pair(type);
        for (int i = 0; i < 5; i++) {
            for (int dir = 0; dir < 2; dir++) {
                Pdu pdu = new Pdu(16 * (i + 1), p[dir].wrapTokenSize(), i * 10 + dir);
                byte[] plain = pdu.stubBytes();
                assertThat(p[dir].wrap(pdu.segments(true))).isEqualTo(p[dir].wrapTokenSize());
                assertThat(pdu.stubBytes()).isNotEqualTo(plain);
                p[1 - dir].unwrap(pdu.segments(true));
                assertThat(pdu.stubBytes()).isEqualTo(plain);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void tokenSizesAreTheDceOnes(EncryptionType type) throws Exception {
        MessageProtection p = pair(type)[0];
        assertThat(p.wrapTokenSize()).isEqualTo(type.isAes() ? 76 : 45);
        assertThat(p.micTokenSize()).isEqualTo(type.isAes() ? 28 : 37);
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void signedPdusVerify(EncryptionType type) throws Exception {
        MessageProtection[] p = pair(type);
        for (int i = 0; i < 3; i++) {
            Pdu pdu = new Pdu(40, p[0].micTokenSize(), i);
            byte[] plain = pdu.stubBytes();
            p[0].getMic(pdu.segments(true));
            assertThat(pdu.stubBytes()).isEqualTo(plain);
            p[1].verifyMic(pdu.segments(true));
        }
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void alteredHeaderIsDetectedOnlyWhenSigned(EncryptionType type) throws Exception {
        MessageProtection[] p = pair(type);
        Pdu pdu = new Pdu(32, p[0].wrapTokenSize(), 1);
        p[0].wrap(pdu.segments(true));
        pdu.bytes[3] ^= 0x10;
        assertStatus(() -> p[1].unwrap(pdu.segments(true)), SecurityStatus.MESSAGE_ALTERED);

        MessageProtection[] q = pair(type);
        Pdu unsigned = new Pdu(32, q[0].wrapTokenSize(), 2);
        byte[] plain = unsigned.stubBytes();
        q[0].wrap(unsigned.segments(false));
        unsigned.bytes[3] ^= 0x10;
        q[1].unwrap(unsigned.segments(false));
        assertThat(unsigned.stubBytes()).isEqualTo(plain);
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void alteredStubOrTokenIsDetected(EncryptionType type) throws Exception {
        for (int where : new int[] {30, 24 + 32 + 8 + 20}) {
            MessageProtection[] p = pair(type);
            Pdu pdu = new Pdu(32, p[0].wrapTokenSize(), where);
            p[0].wrap(pdu.segments(true));
            pdu.bytes[where] ^= 1;
            assertThatThrownBy(() -> p[1].unwrap(pdu.segments(true))).isInstanceOf(SecurityContextException.class);
        }
        MessageProtection[] p = pair(type);
        Pdu pdu = new Pdu(32, p[0].micTokenSize(), 3);
        p[0].getMic(pdu.segments(true));
        pdu.bytes[40] ^= 1;
        assertStatus(() -> p[1].verifyMic(pdu.segments(true)), SecurityStatus.MESSAGE_ALTERED);
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void replayedAndReflectedMessagesAreRefused(EncryptionType type) throws Exception {
        MessageProtection[] p = pair(type);
        Pdu pdu = new Pdu(16, p[0].micTokenSize(), 4);
        p[0].getMic(pdu.segments(true));
        byte[] copy = pdu.bytes.clone();
        p[1].verifyMic(pdu.segments(true));
        System.arraycopy(copy, 0, pdu.bytes, 0, copy.length);
        assertStatus(() -> p[1].verifyMic(pdu.segments(true)), SecurityStatus.OUT_OF_SEQUENCE);

        Pdu own = new Pdu(16, p[0].micTokenSize(), 5);
        p[0].getMic(own.segments(true));
        assertThatThrownBy(() -> p[0].verifyMic(own.segments(true))).isInstanceOf(SecurityContextException.class);
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void shortOrGarbageTokensFailCleanly(EncryptionType type) throws Exception {
        MessageProtection[] p = pair(type);
        Random r = new Random(9);
        for (int len = 0; len < 100; len += 3) {
            Pdu pdu = new Pdu(16, len, r.nextLong());
            assertThatThrownBy(() -> p[1].unwrap(pdu.segments(true))).isInstanceOf(SecurityContextException.class);
            assertThatThrownBy(() -> p[1].verifyMic(pdu.segments(true))).isInstanceOf(SecurityContextException.class);
        }
    }

    static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable c, SecurityStatus status) {
        assertThatThrownBy(c).isInstanceOfSatisfying(SecurityContextException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }
}
