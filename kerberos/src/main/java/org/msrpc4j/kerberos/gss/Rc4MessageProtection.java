package org.msrpc4j.kerberos.gss;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.kerberos.crypto.Rc4HmacCipher;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * RFC 4757 section 7 MIC and Wrap tokens for RC4-HMAC keys, with the GSS framing and the DCE-style
 * length (the encrypted data stays in the PDU, so the framing counts only the 32-byte token). MIC
 * tokens are 37 bytes, wrap tokens 45.
 *
 * <p>Thread-safe: sending and receiving are each serialised on their own lock.
 */
public final class Rc4MessageProtection implements MessageProtection {
    private static final byte[] KRB5_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12, 0x01, 0x02, 0x02};
    private static final int FRAMING = 2 + KRB5_OID.length;
    static final int MIC_TOKEN = FRAMING + 24;
    static final int WRAP_TOKEN = FRAMING + 32;
    private static final int KU_WRAP = 13;
    private static final int KU_MIC = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean initiator;
    private final byte[] key;
    private final byte[] signKey;
    private final Object sendLock = new Object();
    private final Object recvLock = new Object();
    private long sendSeq;
    private final SequenceState recvSeq;

    /**
     * @param key the token key (acceptor subkey, else initiator subkey, else session key)
     * @param initiator true on the client side
     * @param sendSeq our first sequence number
     * @param recvSeq the peer's first sequence number
     * @throws KerberosCryptoException when the key is not RC4-HMAC
     */
    public Rc4MessageProtection(KerberosKey key, boolean initiator, long sendSeq, long recvSeq) throws KerberosCryptoException {
        if (key.type() != EncryptionType.RC4_HMAC) {
            throw new KerberosCryptoException("RC4 tokens need an RC4-HMAC key, not " + key.type().mitName());
        }
        this.initiator = initiator;
        this.key = key.bytes();
        this.signKey = Rc4HmacCipher.hmacMd5(this.key, "signaturekey\0".getBytes(StandardCharsets.US_ASCII));
        this.sendSeq = sendSeq & 0xffffffffL;
        this.recvSeq = new SequenceState(recvSeq, 32);
    }

    @Override
    public int micTokenSize() {
        return MIC_TOKEN;
    }

    @Override
    public int wrapTokenSize() {
        return WRAP_TOKEN;
    }

    @Override
    public int getMic(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        requireRoom(token, MIC_TOKEN);
        byte[] t = new byte[MIC_TOKEN];
        framing(t, 24);
        int h = FRAMING;
        t[h] = 0x01;
        t[h + 1] = 0x01;
        t[h + 2] = 0x11;
        t[h + 3] = 0x00;
        Arrays.fill(t, h + 4, h + 8, (byte) 0xff);
        try {
            synchronized (sendLock) {
                long seq = sendSeq++;
                byte[] cksum = checksum(KU_MIC, t, h, null, segments);
                System.arraycopy(cksum, 0, t, h + 16, 8);
                byte[] seqBytes = seqPlain(seq, initiator);
                System.arraycopy(seqCipher(cksum).update(seqBytes), 0, t, h + 8, 8);
            }
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "RC4-HMAC signing failed", e);
        }
        System.arraycopy(t, 0, token.array(), token.offset(), MIC_TOKEN);
        return MIC_TOKEN;
    }

    @Override
    public void verifyMic(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        if (token.length() < MIC_TOKEN) {
            throw invalid("RC4 MIC token too short (" + token.length() + " bytes)");
        }
        byte[] t = Arrays.copyOfRange(token.array(), token.offset(), token.offset() + MIC_TOKEN);
        int h = checkFraming(t);
        if (t[h] != 0x01 || t[h + 1] != 0x01 || t[h + 2] != 0x11 || t[h + 3] != 0x00) {
            throw invalid("not an RC4-HMAC MIC token");
        }
        try {
            synchronized (recvLock) {
                byte[] cksum = checksum(KU_MIC, t, h, null, segments);
                if (!MessageDigest.isEqual(cksum, Arrays.copyOfRange(t, h + 16, h + 24))) {
                    throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the message signature does not verify");
                }
                recvSeq.check(readSeq(seqCipher(cksum).update(t, h + 8, 8)));
            }
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "RC4-HMAC verification failed", e);
        }
    }

    @Override
    public int wrap(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        requireRoom(token, WRAP_TOKEN);
        byte[] t = new byte[WRAP_TOKEN];
        framing(t, 32);
        int h = FRAMING;
        t[h] = 0x02;
        t[h + 1] = 0x01;
        t[h + 2] = 0x11;
        t[h + 3] = 0x00;
        t[h + 4] = 0x10;
        t[h + 5] = 0x00;
        t[h + 6] = (byte) 0xff;
        t[h + 7] = (byte) 0xff;
        byte[] conf = new byte[8];
        RANDOM.nextBytes(conf);
        try {
            synchronized (sendLock) {
                long seq = sendSeq++;
                byte[] cksum = checksum(KU_WRAP, t, h, conf, segments);
                System.arraycopy(cksum, 0, t, h + 16, 8);
                byte[] seqBytes = seqPlain(seq, initiator);
                System.arraycopy(seqCipher(cksum).update(seqBytes), 0, t, h + 8, 8);
                Cipher crypt = sealCipher(seqBytes);
                System.arraycopy(crypt.update(conf), 0, t, h + 24, 8);
                byte[] data = Segments.data(segments);
                Segments.writeData(segments, data.length == 0 ? data : crypt.update(data), 0);
            }
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "RC4-HMAC sealing failed", e);
        }
        System.arraycopy(t, 0, token.array(), token.offset(), WRAP_TOKEN);
        return WRAP_TOKEN;
    }

    @Override
    public void unwrap(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        if (token.length() < WRAP_TOKEN) {
            throw invalid("RC4 wrap token too short (" + token.length() + " bytes)");
        }
        byte[] t = Arrays.copyOfRange(token.array(), token.offset(), token.offset() + WRAP_TOKEN);
        int h = checkFraming(t);
        if (t[h] != 0x02 || t[h + 1] != 0x01 || t[h + 2] != 0x11 || t[h + 3] != 0x00
                || t[h + 4] != 0x10 || t[h + 5] != 0x00) {
            throw invalid("not a sealed RC4-HMAC wrap token");
        }
        try {
            synchronized (recvLock) {
                byte[] cksumOnWire = Arrays.copyOfRange(t, h + 16, h + 24);
                byte[] seqBytes = seqCipher(cksumOnWire).update(t, h + 8, 8);
                Cipher crypt = sealCipher(seqBytes);
                byte[] conf = crypt.update(t, h + 24, 8);
                byte[] data = Segments.data(segments);
                byte[] plain = data.length == 0 ? new byte[0] : crypt.update(data);
                Segments.writeData(segments, plain, 0);
                byte[] cksum = checksum(KU_WRAP, t, h, conf, segments);
                if (!MessageDigest.isEqual(cksum, cksumOnWire)) {
                    throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the sealed message was altered");
                }
                byte[] dir = Arrays.copyOfRange(seqBytes, 4, 8);
                byte expectedDir = initiator ? (byte) 0xff : 0x00;
                for (byte b : dir) {
                    if (b != expectedDir) {
                        throw invalid("token sent in the wrong direction (a reflected message?)");
                    }
                }
                recvSeq.check(readSeq(seqBytes));
            }
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "RC4-HMAC unsealing failed", e);
        }
    }

    /** SGN_CKSUM = HMAC_MD5(Ksign, MD5(usage ‖ header[0..8] ‖ [confounder] ‖ signed segments))[0..8]. */
    private byte[] checksum(int usage, byte[] t, int h, byte[] conf, List<MessageSegment> segments)
            throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(new byte[] {(byte) usage, 0, 0, 0});
        md5.update(t, h, 8);
        if (conf != null) {
            md5.update(conf);
        }
        for (MessageSegment s : segments) {
            if (Segments.signed(s)) {
                md5.update(s.array(), s.offset(), s.length());
            }
        }
        return Arrays.copyOf(Rc4HmacCipher.hmacMd5(signKey, md5.digest()), 8);
    }

    /** Kseq = HMAC_MD5(HMAC_MD5(K, 0), SGN_CKSUM): the RC4 key that hides SND_SEQ. */
    private Cipher seqCipher(byte[] cksum) throws KerberosCryptoException {
        byte[] k = Rc4HmacCipher.hmacMd5(Rc4HmacCipher.hmacMd5(key, new byte[4]), cksum);
        return Rc4HmacCipher.rc4(k);
    }

    /** Kcrypt = HMAC_MD5(HMAC_MD5(K xor 0xF0, 0), seq[0..4]). */
    private Cipher sealCipher(byte[] seqBytes) throws KerberosCryptoException {
        byte[] local = key.clone();
        for (int i = 0; i < local.length; i++) {
            local[i] ^= (byte) 0xf0;
        }
        byte[] k = Rc4HmacCipher.hmacMd5(Rc4HmacCipher.hmacMd5(local, new byte[4]), Arrays.copyOf(seqBytes, 4));
        return Rc4HmacCipher.rc4(k);
    }

    private static byte[] seqPlain(long seq, boolean initiator) {
        byte d = initiator ? 0x00 : (byte) 0xff;
        return new byte[] {(byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8), (byte) seq, d, d, d, d};
    }

    private static long readSeq(byte[] s) {
        return ((s[0] & 0xffL) << 24) | ((s[1] & 0xffL) << 16) | ((s[2] & 0xffL) << 8) | (s[3] & 0xffL);
    }

    private static void framing(byte[] t, int innerLength) {
        t[0] = 0x60;
        t[1] = (byte) (KRB5_OID.length + innerLength);
        System.arraycopy(KRB5_OID, 0, t, 2, KRB5_OID.length);
    }

    private static int checkFraming(byte[] t) throws SecurityContextException {
        if ((t[0] & 0xff) != 0x60) {
            throw invalid("RC4 token without GSS framing");
        }
        for (int i = 0; i < KRB5_OID.length; i++) {
            if (t[2 + i] != KRB5_OID[i]) {
                throw invalid("RC4 token for another mechanism");
            }
        }
        return FRAMING;
    }

    private static void requireRoom(MessageSegment token, int size) throws SecurityContextException {
        if (token.length() < size) {
            throw new SecurityContextException(SecurityStatus.BUFFER_TOO_SMALL,
                    "the TOKEN segment has " + token.length() + " bytes, " + size + " are needed");
        }
    }

    private static SecurityContextException invalid(String message) {
        return new SecurityContextException(SecurityStatus.INVALID_TOKEN, message);
    }
}
