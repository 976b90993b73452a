package org.msrpc4j.kerberos.gss;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.kerberos.crypto.Rc4HmacCipher;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.SegmentKind;

/**
 * RFC 4757 section 7 MIC and Wrap tokens for RC4-HMAC keys, with the GSS framing and the DCE-style
 * length (the encrypted data stays in the PDU, so the framing counts only the 32-byte token). MIC
 * tokens are 37 bytes, wrap tokens 45.
 *
 * <p>Each direction keys its MD5, HMAC-MD5 and RC4 instances once; the DATA segments are sealed
 * and unsealed in place.
 *
 * <p>Thread-safe: sending and receiving are each serialised on their own direction's lock.
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
    private final Direction send;
    private final Direction recv;
    private long sendSeq;
    private final SequenceState recvSeq;

    /**
     * One direction's keyed primitives, created once per context: the per-message keys (Kseq,
     * Kcrypt) are HMACs keyed with values that never change, so those HMACs are keyed here and
     * only the RC4 cipher is re-keyed per message. Guarded by its own monitor.
     */
    private static final class Direction {
        final MessageDigest md5;
        final Mac sign;
        final Mac seqKey;
        final Mac cryptKey;
        final Cipher rc4;
        final byte[] digest = new byte[16];
        final byte[] mac = new byte[16];
        final byte[] usage = new byte[4];

        Direction(byte[] key, byte[] signKey) throws GeneralSecurityException, KerberosCryptoException {
            md5 = MessageDigest.getInstance("MD5");
            sign = hmacMd5(signKey);
            seqKey = hmacMd5(Rc4HmacCipher.hmacMd5(key, new byte[4]));
            byte[] local = key.clone();
            for (int i = 0; i < local.length; i++) {
                local[i] ^= (byte) 0xf0;
            }
            cryptKey = hmacMd5(Rc4HmacCipher.hmacMd5(local, new byte[4]));
            Arrays.fill(local, (byte) 0);
            rc4 = Cipher.getInstance("ARCFOUR");
        }

        private static Mac hmacMd5(byte[] key) throws GeneralSecurityException {
            Mac m = Mac.getInstance("HmacMD5");
            m.init(new SecretKeySpec(key, "HmacMD5"));
            return m;
        }

        /** SGN_CKSUM = HMAC_MD5(Ksign, MD5(usage ‖ header[0..8] ‖ [confounder] ‖ signed segments))[0..8]. */
        byte[] checksum(int usage, byte[] t, int h, byte[] conf, List<MessageSegment> segments)
                throws GeneralSecurityException {
            this.usage[0] = (byte) usage;
            md5.update(this.usage);
            md5.update(t, h, 8);
            if (conf != null) {
                md5.update(conf);
            }
            for (MessageSegment s : segments) {
                if (Segments.signed(s)) {
                    md5.update(s.array(), s.offset(), s.length());
                }
            }
            md5.digest(digest, 0, 16);
            sign.update(digest);
            sign.doFinal(mac, 0);
            return Arrays.copyOf(mac, 8);
        }

        /** Keys the RC4 cipher with Kseq = HMAC_MD5(HMAC_MD5(K, 0), SGN_CKSUM): it hides SND_SEQ. */
        Cipher seqCipher(byte[] cksum, int off) throws GeneralSecurityException {
            seqKey.update(cksum, off, 8);
            seqKey.doFinal(mac, 0);
            rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(mac, "ARCFOUR"));
            return rc4;
        }

        /** Keys the RC4 cipher with Kcrypt = HMAC_MD5(HMAC_MD5(K xor 0xF0, 0), seq[0..4]). */
        Cipher sealCipher(byte[] seqBytes) throws GeneralSecurityException {
            cryptKey.update(seqBytes, 0, 4);
            cryptKey.doFinal(mac, 0);
            rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(mac, "ARCFOUR"));
            return rc4;
        }
    }

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
        byte[] raw = key.bytes();
        byte[] signKey = Rc4HmacCipher.hmacMd5(raw, "signaturekey\0".getBytes(StandardCharsets.US_ASCII));
        try {
            this.send = new Direction(raw, signKey);
            this.recv = new Direction(raw, signKey);
        } catch (GeneralSecurityException e) {
            throw new KerberosCryptoException("cannot key RC4-HMAC", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(signKey, (byte) 0);
        }
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
            synchronized (send) {
                long seq = sendSeq++;
                byte[] cksum = send.checksum(KU_MIC, t, h, null, segments);
                System.arraycopy(cksum, 0, t, h + 16, 8);
                byte[] seqBytes = seqPlain(seq, initiator);
                send.seqCipher(cksum, 0).update(seqBytes, 0, 8, t, h + 8);
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
            synchronized (recv) {
                byte[] cksum = recv.checksum(KU_MIC, t, h, null, segments);
                if (!MessageDigest.isEqual(cksum, Arrays.copyOfRange(t, h + 16, h + 24))) {
                    throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the message signature does not verify");
                }
                recvSeq.check(readSeq(recv.seqCipher(cksum, 0).update(t, h + 8, 8)));
            }
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "RC4-HMAC verification failed", e);
        }
    }

    /** Seals the DATA segments in place (RC4 needs no copy) and writes the token. */
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
            synchronized (send) {
                long seq = sendSeq++;
                byte[] cksum = send.checksum(KU_WRAP, t, h, conf, segments);
                System.arraycopy(cksum, 0, t, h + 16, 8);
                byte[] seqBytes = seqPlain(seq, initiator);
                send.seqCipher(cksum, 0).update(seqBytes, 0, 8, t, h + 8);
                Cipher crypt = send.sealCipher(seqBytes);
                crypt.update(conf, 0, 8, t, h + 24);
                applyToData(crypt, segments);
            }
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "RC4-HMAC sealing failed", e);
        }
        System.arraycopy(t, 0, token.array(), token.offset(), WRAP_TOKEN);
        return WRAP_TOKEN;
    }

    /** Unseals the DATA segments in place, then verifies the token. */
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
            synchronized (recv) {
                byte[] seqBytes = recv.seqCipher(t, h + 16).update(t, h + 8, 8);
                Cipher crypt = recv.sealCipher(seqBytes);
                byte[] conf = crypt.update(t, h + 24, 8);
                applyToData(crypt, segments);
                byte[] cksum = recv.checksum(KU_WRAP, t, h, conf, segments);
                if (!MessageDigest.isEqual(cksum, Arrays.copyOfRange(t, h + 16, h + 24))) {
                    throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the sealed message was altered");
                }
                byte expectedDir = initiator ? (byte) 0xff : 0x00;
                for (int i = 4; i < 8; i++) {
                    if (seqBytes[i] != expectedDir) {
                        throw invalid("token sent in the wrong direction (a reflected message?)");
                    }
                }
                recvSeq.check(readSeq(seqBytes));
            }
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "RC4-HMAC unsealing failed", e);
        }
    }

    /** RC4 over the DATA segments in wire order, in place (the key stream continues across them). */
    private static void applyToData(Cipher crypt, List<MessageSegment> segments) throws GeneralSecurityException {
        for (MessageSegment s : segments) {
            if (s.kind() == SegmentKind.DATA && s.length() > 0) {
                crypt.update(s.array(), s.offset(), s.length(), s.array(), s.offset());
            }
        }
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
