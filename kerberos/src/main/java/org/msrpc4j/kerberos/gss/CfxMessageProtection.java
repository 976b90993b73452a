package org.msrpc4j.kerberos.gss;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.msrpc4j.kerberos.crypto.AesCts;
import org.msrpc4j.kerberos.crypto.AesCtsHmacSha1Cipher;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * RFC 4121 (CFX) MIC and Wrap tokens for AES keys, in the DCE style of [MS-KILE] 3.4.5.4.1:
 * Wrap uses EC = 16 filler bytes and RRC = 28 and rotates the token by RRC + EC, so the stub's
 * ciphertext stays in place and the token is 76 bytes; sign-only segments (the PDU header and
 * sec_trailer with header signing) are covered by the HMAC but not encrypted.
 *
 * <p>Thread-safe: sending and receiving are each serialised on their own lock.
 */
public final class CfxMessageProtection implements MessageProtection {
    static final int HEADER = 16;
    static final int EC = 16;
    static final int RRC = 28;
    private static final int HMAC = AesCtsHmacSha1Cipher.HMAC_LENGTH;
    private static final int CONF = AesCtsHmacSha1Cipher.CONFOUNDER_LENGTH;
    /** 16 header + 16 filler + 16 encrypted header copy + 12 HMAC + 16 confounder. */
    static final int WRAP_TOKEN = HEADER + EC + HEADER + HMAC + CONF;
    static final int MIC_TOKEN = HEADER + HMAC;

    private static final int FLAG_SENT_BY_ACCEPTOR = 0x01;
    private static final int FLAG_SEALED = 0x02;
    private static final int FLAG_ACCEPTOR_SUBKEY = 0x04;

    private static final int KU_ACCEPTOR_SEAL = 22;
    private static final int KU_ACCEPTOR_SIGN = 23;
    private static final int KU_INITIATOR_SEAL = 24;
    private static final int KU_INITIATOR_SIGN = 25;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean initiator;
    private final int sendFlags;
    private final byte[] sendSignKey;
    private final byte[] sendSealKe;
    private final byte[] sendSealKi;
    private final byte[] recvSignKey;
    private final byte[] recvSealKe;
    private final byte[] recvSealKi;
    private final boolean acceptorSubkey;
    private final Object sendLock = new Object();
    private final Object recvLock = new Object();
    private long sendSeq;
    private final SequenceState recvSeq;

    /**
     * @param key the token key (the acceptor subkey when there is one)
     * @param initiator true on the client side
     * @param acceptorSubkey whether {@code key} is the acceptor's subkey (sets and expects flag 0x04)
     * @param sendSeq our first sequence number
     * @param recvSeq the peer's first sequence number
     * @throws KerberosCryptoException when key derivation fails or the key is not AES
     */
    public CfxMessageProtection(KerberosKey key, boolean initiator, boolean acceptorSubkey, long sendSeq, long recvSeq)
            throws KerberosCryptoException {
        if (!key.type().isAes()) {
            throw new KerberosCryptoException("CFX tokens need an AES key, not " + key.type().mitName());
        }
        this.initiator = initiator;
        this.acceptorSubkey = acceptorSubkey;
        this.sendFlags = (initiator ? 0 : FLAG_SENT_BY_ACCEPTOR) | (acceptorSubkey ? FLAG_ACCEPTOR_SUBKEY : 0);
        int sendSign = initiator ? KU_INITIATOR_SIGN : KU_ACCEPTOR_SIGN;
        int sendSeal = initiator ? KU_INITIATOR_SEAL : KU_ACCEPTOR_SEAL;
        int recvSign = initiator ? KU_ACCEPTOR_SIGN : KU_INITIATOR_SIGN;
        int recvSeal = initiator ? KU_ACCEPTOR_SEAL : KU_INITIATOR_SEAL;
        this.sendSignKey = AesCtsHmacSha1Cipher.derive(key, sendSign, AesCtsHmacSha1Cipher.KC);
        this.sendSealKe = AesCtsHmacSha1Cipher.derive(key, sendSeal, AesCtsHmacSha1Cipher.KE);
        this.sendSealKi = AesCtsHmacSha1Cipher.derive(key, sendSeal, AesCtsHmacSha1Cipher.KI);
        this.recvSignKey = AesCtsHmacSha1Cipher.derive(key, recvSign, AesCtsHmacSha1Cipher.KC);
        this.recvSealKe = AesCtsHmacSha1Cipher.derive(key, recvSeal, AesCtsHmacSha1Cipher.KE);
        this.recvSealKi = AesCtsHmacSha1Cipher.derive(key, recvSeal, AesCtsHmacSha1Cipher.KI);
        this.sendSeq = sendSeq & 0xffffffffL;
        this.recvSeq = new SequenceState(recvSeq & 0xffffffffL, 64);
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
        synchronized (sendLock) {
            byte[] header = micHeader(sendFlags, sendSeq++);
            Mac mac = hmac(sendSignKey);
            updateSigned(mac, segments);
            mac.update(header);
            System.arraycopy(header, 0, token.array(), token.offset(), HEADER);
            System.arraycopy(mac.doFinal(), 0, token.array(), token.offset() + HEADER, HMAC);
        }
        return MIC_TOKEN;
    }

    @Override
    public void verifyMic(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        if (token.length() < MIC_TOKEN) {
            throw invalid("MIC token too short (" + token.length() + " bytes)");
        }
        byte[] t = Arrays.copyOfRange(token.array(), token.offset(), token.offset() + MIC_TOKEN);
        if ((t[0] & 0xff) != 0x04 || (t[1] & 0xff) != 0x04) {
            throw invalid("not a CFX MIC token");
        }
        checkFlags(t[2] & 0xff, false);
        for (int i = 3; i < 8; i++) {
            if ((t[i] & 0xff) != 0xff) {
                throw invalid("bad filler in MIC token");
            }
        }
        long seq = readSeq(t, 8);
        synchronized (recvLock) {
            Mac mac = hmac(recvSignKey);
            updateSigned(mac, segments);
            mac.update(t, 0, HEADER);
            byte[] expected = Arrays.copyOf(mac.doFinal(), HMAC);
            if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(t, HEADER, MIC_TOKEN))) {
                throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the message signature does not verify");
            }
            recvSeq.check(seq);
        }
    }

    @Override
    public int wrap(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        requireRoom(token, WRAP_TOKEN);
        byte[] data = Segments.data(segments);
        int l = data.length;
        synchronized (sendLock) {
            long seq = sendSeq++;
            byte[] header = wrapHeader(sendFlags | FLAG_SEALED, EC, RRC, seq);
            byte[] headerCopy = wrapHeader(sendFlags | FLAG_SEALED, EC, 0, seq);
            byte[] conf = new byte[CONF];
            RANDOM.nextBytes(conf);
            byte[] filler = new byte[EC];
            Arrays.fill(filler, (byte) 0xff);
            // Encryption covers confounder, DATA, filler and header copy; the HMAC covers the same
            // with the sign-only segments in their wire positions.
            byte[] plain = new byte[CONF + l + EC + HEADER];
            System.arraycopy(conf, 0, plain, 0, CONF);
            System.arraycopy(data, 0, plain, CONF, l);
            System.arraycopy(filler, 0, plain, CONF + l, EC);
            System.arraycopy(headerCopy, 0, plain, CONF + l + EC, HEADER);
            Mac mac = hmac(sendSealKi);
            mac.update(conf);
            updateSigned(mac, segments);
            mac.update(filler);
            mac.update(headerCopy);
            byte[] h = Arrays.copyOf(mac.doFinal(), HMAC);
            byte[] c;
            try {
                c = AesCts.encrypt(sendSealKe, plain, 0, plain.length);
            } catch (GeneralSecurityException e) {
                throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "AES encryption failed", e);
            }
            // (c || h) rotated right by RRC + EC = 44 puts E(filler||header) and the HMAC first,
            // then E(confounder); E(DATA) stays where the plaintext was.
            byte[] out = token.array();
            int o = token.offset();
            System.arraycopy(header, 0, out, o, HEADER);
            System.arraycopy(c, c.length - EC - HEADER, out, o + HEADER, EC + HEADER);
            System.arraycopy(h, 0, out, o + HEADER + EC + HEADER, HMAC);
            System.arraycopy(c, 0, out, o + HEADER + EC + HEADER + HMAC, CONF);
            Segments.writeData(segments, c, CONF);
        }
        return WRAP_TOKEN;
    }

    @Override
    public void unwrap(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        if (token.length() < HEADER) {
            throw invalid("wrap token too short (" + token.length() + " bytes)");
        }
        byte[] t = Arrays.copyOfRange(token.array(), token.offset(), token.offset() + token.length());
        if ((t[0] & 0xff) != 0x05 || (t[1] & 0xff) != 0x04) {
            throw invalid("not a CFX wrap token");
        }
        int flags = t[2] & 0xff;
        checkFlags(flags, true);
        if ((t[3] & 0xff) != 0xff) {
            throw invalid("bad filler in wrap token");
        }
        int ec = ((t[4] & 0xff) << 8) | (t[5] & 0xff);
        int rrc = ((t[6] & 0xff) << 8) | (t[7] & 0xff);
        long seq = readSeq(t, 8);
        int l = Segments.dataLength(segments);
        int rest = t.length - HEADER;
        // What follows the header plus the DATA must be exactly: confounder, data, filler,
        // encrypted header copy and HMAC; anything else is a token we cannot place.
        if (rest != CONF + ec + HEADER + HMAC) {
            throw invalid("wrap token length " + t.length + " does not match EC=" + ec);
        }
        int total = rest + l;
        byte[] rotated = new byte[total];
        System.arraycopy(t, HEADER, rotated, 0, rest);
        byte[] data = Segments.data(segments);
        System.arraycopy(data, 0, rotated, rest, l);
        int shift = (int) (((long) rrc + ec) % total);
        byte[] stream = new byte[total];
        System.arraycopy(rotated, shift, stream, 0, total - shift);
        System.arraycopy(rotated, 0, stream, total - shift, shift);
        int clen = total - HMAC;
        byte[] plain;
        try {
            plain = AesCts.decrypt(recvSealKe, stream, 0, clen);
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the sealed message does not decrypt", e);
        }
        byte[] headerCopy = Arrays.copyOfRange(plain, clen - HEADER, clen);
        byte[] expectedCopy = t.clone();
        expectedCopy[6] = 0;
        expectedCopy[7] = 0;
        synchronized (recvLock) {
            Segments.writeData(segments, plain, CONF);
            Mac mac = hmac(recvSealKi);
            mac.update(plain, 0, CONF);
            updateSigned(mac, segments);
            mac.update(plain, CONF + l, ec + HEADER);
            byte[] h = Arrays.copyOf(mac.doFinal(), HMAC);
            if (!MessageDigest.isEqual(h, Arrays.copyOfRange(stream, clen, total))
                    || !MessageDigest.isEqual(headerCopy, Arrays.copyOf(expectedCopy, HEADER))) {
                throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the sealed message was altered");
            }
            recvSeq.check(seq);
        }
    }

    private void checkFlags(int flags, boolean sealedExpected) throws SecurityContextException {
        boolean fromAcceptor = (flags & FLAG_SENT_BY_ACCEPTOR) != 0;
        if (fromAcceptor != initiator) {
            throw invalid("token sent in the wrong direction (a reflected message?)");
        }
        if (sealedExpected && (flags & FLAG_SEALED) == 0) {
            throw invalid("wrap token without confidentiality where sealing was negotiated");
        }
        if (acceptorSubkey && (flags & FLAG_ACCEPTOR_SUBKEY) == 0) {
            throw invalid("token not made with the acceptor subkey");
        }
    }

    private static byte[] micHeader(int flags, long seq) {
        byte[] h = new byte[HEADER];
        h[0] = 0x04;
        h[1] = 0x04;
        h[2] = (byte) flags;
        for (int i = 3; i < 8; i++) {
            h[i] = (byte) 0xff;
        }
        writeSeq(h, 8, seq);
        return h;
    }

    private static byte[] wrapHeader(int flags, int ec, int rrc, long seq) {
        byte[] h = new byte[HEADER];
        h[0] = 0x05;
        h[1] = 0x04;
        h[2] = (byte) flags;
        h[3] = (byte) 0xff;
        h[4] = (byte) (ec >>> 8);
        h[5] = (byte) ec;
        h[6] = (byte) (rrc >>> 8);
        h[7] = (byte) rrc;
        writeSeq(h, 8, seq);
        return h;
    }

    private static void writeSeq(byte[] b, int off, long seq) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (seq >>> (56 - 8 * i));
        }
    }

    private static long readSeq(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    private static void updateSigned(Mac mac, List<MessageSegment> segments) {
        for (MessageSegment s : segments) {
            if (Segments.signed(s)) {
                mac.update(s.array(), s.offset(), s.length());
            }
        }
    }

    private static Mac hmac(byte[] key) throws SecurityContextException {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "HMAC-SHA1 is not available", e);
        }
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
