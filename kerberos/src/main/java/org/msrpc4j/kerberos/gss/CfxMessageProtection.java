package org.msrpc4j.kerberos.gss;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.msrpc4j.kerberos.crypto.AesCtsParts;
import org.msrpc4j.kerberos.crypto.AesCtsHmacSha1Cipher;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.SegmentKind;

/**
 * RFC 4121 (CFX) MIC and Wrap tokens for AES keys, in the DCE style of [MS-KILE] 3.4.5.4.1:
 * Wrap uses EC = 16 filler bytes and RRC = 28 and rotates the token by RRC + EC, so the stub's
 * ciphertext stays in place and the token is 76 bytes; sign-only segments (the PDU header and
 * sec_trailer with header signing) are covered by the HMAC but not encrypted.
 *
 * <p>Each direction keeps its HMAC instances, AES-CTS cipher (key schedules expanded once) and
 * scratch buffers for the life of the context, and a single DATA segment is sealed and unsealed in
 * place, so a message allocates only a few small arrays whatever its size.
 *
 * <p>Thread-safe: sending and receiving are each serialised on their own direction's lock.
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

    // The JVM's default strong generator (NativePRNG on Linux): measured at ~150 ns CPU per 16-byte
    // confounder against ~310 ns for a per-context SP 800-90A Hash_DRBG, which also allocates.
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean initiator;
    private final boolean acceptorSubkey;
    private final int sendFlags;
    private final Direction send;
    private final Direction recv;
    private final SequenceState recvSeq;
    private long sendSeq;

    /**
     * One direction's keyed primitives and scratch space, created once per context so that no
     * message pays for a key schedule, a provider lookup or a buffer. Guarded by its own monitor:
     * sending and receiving are each serialised on their direction.
     */
    private static final class Direction {
        final Mac sign;
        final Mac seal;
        final AesCtsParts cipher;
        final byte[] confounder = new byte[CONF];
        final byte[] hmac = new byte[20];
        byte[] last = new byte[EC + HEADER];
        final byte[] receivedHmac = new byte[HMAC];
        private final byte[] token = new byte[WRAP_TOKEN];

        Direction(KerberosKey key, int signUsage, int sealUsage) throws KerberosCryptoException {
            try {
                sign = hmac(AesCtsHmacSha1Cipher.derive(key, signUsage, AesCtsHmacSha1Cipher.KC));
                seal = hmac(AesCtsHmacSha1Cipher.derive(key, sealUsage, AesCtsHmacSha1Cipher.KI));
                cipher = new AesCtsParts(AesCtsHmacSha1Cipher.derive(key, sealUsage, AesCtsHmacSha1Cipher.KE));
            } catch (GeneralSecurityException e) {
                throw new KerberosCryptoException("cannot key AES-CTS / HMAC-SHA1", e);
            }
        }

        /**
         * Scratch for a received token's copy; a token longer than ours (a peer's large EC) gets a
         * temporary array, so that no peer can make a context keep a large buffer.
         */
        byte[] token(int length) {
            return length <= token.length ? token : new byte[length];
        }

        /** Scratch for the part of the stream after the DATA: filler and encrypted header copy. */
        byte[] last(int length) {
            if (last.length < length) {
                last = new byte[length];
            }
            return last;
        }
    }

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
        this.send = initiator
                ? new Direction(key, KU_INITIATOR_SIGN, KU_INITIATOR_SEAL)
                : new Direction(key, KU_ACCEPTOR_SIGN, KU_ACCEPTOR_SEAL);
        this.recv = initiator
                ? new Direction(key, KU_ACCEPTOR_SIGN, KU_ACCEPTOR_SEAL)
                : new Direction(key, KU_INITIATOR_SIGN, KU_INITIATOR_SEAL);
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
        byte[] out = token.array();
        int o = token.offset();
        synchronized (send) {
            micHeader(out, o, sendFlags, sendSeq++);
            Mac mac = send.sign;
            updateSigned(mac, segments);
            mac.update(out, o, HEADER);
            finish(mac, send.hmac);
            System.arraycopy(send.hmac, 0, out, o + HEADER, HMAC);
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
        synchronized (recv) {
            Mac mac = recv.sign;
            updateSigned(mac, segments);
            mac.update(t, 0, HEADER);
            finish(mac, recv.hmac);
            if (!MessageDigest.isEqual(Arrays.copyOf(recv.hmac, HMAC), Arrays.copyOfRange(t, HEADER, MIC_TOKEN))) {
                throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the message signature does not verify");
            }
            recvSeq.check(seq);
        }
    }

    /**
     * Seals the DATA in place. The encrypted stream is confounder ‖ DATA ‖ filler ‖ header copy;
     * the confounder and the 32 bytes after the DATA are encrypted in this direction's scratch
     * buffers and the DATA where it lies (one DATA segment, as the runtime passes, is never copied).
     */
    @Override
    public int wrap(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        requireRoom(token, WRAP_TOKEN);
        MessageSegment single = singleData(segments);
        byte[] out = token.array();
        int o = token.offset();
        synchronized (send) {
            long seq = sendSeq++;
            wrapHeader(out, o, sendFlags | FLAG_SEALED, EC, RRC, seq);
            byte[] conf = send.confounder;
            RANDOM.nextBytes(conf);
            byte[] last = send.last(EC + HEADER);
            Arrays.fill(last, 0, EC, (byte) 0xff);
            wrapHeader(last, EC, sendFlags | FLAG_SEALED, EC, 0, seq);
            // The HMAC covers the plaintext stream with the sign-only segments in their wire positions.
            Mac mac = send.seal;
            mac.update(conf);
            updateSigned(mac, segments);
            mac.update(last, 0, EC + HEADER);
            finish(mac, send.hmac);
            try {
                if (single != null) {
                    send.cipher.encrypt(conf, single.array(), single.offset(), single.length(), last, 0, EC + HEADER);
                } else {
                    byte[] data = Segments.data(segments);
                    send.cipher.encrypt(conf, data, 0, data.length, last, 0, EC + HEADER);
                    Segments.writeData(segments, data, 0);
                }
            } catch (GeneralSecurityException e) {
                throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "AES encryption failed", e);
            }
            // (c || h) rotated right by RRC + EC = 44 puts E(filler||header) and the HMAC first,
            // then E(confounder); E(DATA) stays where the plaintext was.
            System.arraycopy(last, 0, out, o + HEADER, EC + HEADER);
            System.arraycopy(send.hmac, 0, out, o + HEADER + EC + HEADER, HMAC);
            System.arraycopy(conf, 0, out, o + HEADER + EC + HEADER + HMAC, CONF);
        }
        return WRAP_TOKEN;
    }

    /**
     * Unseals the DATA in place. With the DCE rotation (RRC + EC puts E(confounder) last in the
     * token and E(DATA) in the PDU) and one DATA segment, the DATA is decrypted where it lies;
     * any other rotation is undone in a temporary copy first.
     */
    @Override
    public void unwrap(List<MessageSegment> segments) throws SecurityContextException {
        MessageSegment token = Segments.token(segments);
        if (token.length() < HEADER) {
            throw invalid("wrap token too short (" + token.length() + " bytes)");
        }
        MessageSegment single = singleData(segments);
        int l = Segments.dataLength(segments);
        synchronized (recv) {
            // The token is parsed from this direction's scratch copy (its RRC bytes are zeroed for
            // the header comparison below; the PDU itself is left as received).
            int tokenLength = token.length();
            byte[] t = recv.token(tokenLength);
            System.arraycopy(token.array(), token.offset(), t, 0, tokenLength);
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
            int rest = tokenLength - HEADER;
            // What follows the header plus the DATA must be exactly: confounder, data, filler,
            // encrypted header copy and HMAC; anything else is a token we cannot place.
            if (rest != CONF + ec + HEADER + HMAC) {
                throw invalid("wrap token length " + tokenLength + " does not match EC=" + ec);
            }
            int total = rest + l;
            int shift = (int) (((long) rrc + ec) % total);
            int lastLen = ec + HEADER;
            byte[] conf = recv.confounder;
            byte[] last = recv.last(lastLen);
            byte[] h = recv.receivedHmac;
            byte[] mid;
            int midOff;
            boolean inPlace = single != null && shift == rest - CONF;
            if (inPlace) {
                // The unrotated stream is t[rest..] (E(conf)) ‖ DATA ‖ t[16, 16+ec+16) ‖ HMAC.
                System.arraycopy(t, HEADER + rest - CONF, conf, 0, CONF);
                System.arraycopy(t, HEADER, last, 0, lastLen);
                System.arraycopy(t, HEADER + lastLen, h, 0, HMAC);
                mid = single.array();
                midOff = single.offset();
            } else {
                byte[] rotated = new byte[total];
                System.arraycopy(t, HEADER, rotated, 0, rest);
                byte[] data = Segments.data(segments);
                System.arraycopy(data, 0, rotated, rest, l);
                byte[] stream = new byte[total];
                System.arraycopy(rotated, shift, stream, 0, total - shift);
                System.arraycopy(rotated, 0, stream, total - shift, shift);
                System.arraycopy(stream, 0, conf, 0, CONF);
                System.arraycopy(stream, CONF + l, last, 0, lastLen);
                System.arraycopy(stream, total - HMAC, h, 0, HMAC);
                mid = stream;
                midOff = CONF;
            }
            try {
                recv.cipher.decrypt(conf, mid, midOff, l, last, 0, lastLen);
            } catch (GeneralSecurityException e) {
                throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the sealed message does not decrypt", e);
            }
            if (!inPlace) {
                Segments.writeData(segments, mid, midOff);
            }
            Mac mac = recv.seal;
            mac.update(conf);
            updateSigned(mac, segments);
            mac.update(last, 0, lastLen);
            finish(mac, recv.hmac);
            t[6] = 0;
            t[7] = 0;
            boolean hmacOk = constantTimeEquals(recv.hmac, h, HMAC);
            boolean headerOk = Arrays.equals(last, ec, ec + HEADER, t, 0, HEADER);
            if (!hmacOk || !headerOk) {
                throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the sealed message was altered");
            }
            recvSeq.check(seq);
        }
    }

    /** Whether the first {@code n} bytes of both arrays are equal, in time independent of where they differ. */
    private static boolean constantTimeEquals(byte[] a, byte[] b, int n) {
        int diff = 0;
        for (int i = 0; i < n; i++) {
            diff |= a[i] ^ b[i];
        }
        return diff == 0;
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

    private static void micHeader(byte[] h, int o, int flags, long seq) {
        h[o] = 0x04;
        h[o + 1] = 0x04;
        h[o + 2] = (byte) flags;
        for (int i = 3; i < 8; i++) {
            h[o + i] = (byte) 0xff;
        }
        writeSeq(h, o + 8, seq);
    }

    private static void wrapHeader(byte[] h, int o, int flags, int ec, int rrc, long seq) {
        h[o] = 0x05;
        h[o + 1] = 0x04;
        h[o + 2] = (byte) flags;
        h[o + 3] = (byte) 0xff;
        h[o + 4] = (byte) (ec >>> 8);
        h[o + 5] = (byte) ec;
        h[o + 6] = (byte) (rrc >>> 8);
        h[o + 7] = (byte) rrc;
        writeSeq(h, o + 8, seq);
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

    private static Mac hmac(byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac;
    }

    /** Completes the MAC into {@code out} (20 bytes) and leaves it ready for the next message. */
    private static void finish(Mac mac, byte[] out) throws SecurityContextException {
        try {
            mac.doFinal(out, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new SecurityContextException(SecurityStatus.INTERNAL_ERROR, "HMAC-SHA1 output buffer", e);
        }
    }

    /** The DATA segment when there is exactly one, else null (the data is then gathered into a copy). */
    private static MessageSegment singleData(List<MessageSegment> segments) {
        MessageSegment found = null;
        for (MessageSegment s : segments) {
            if (s.kind() == SegmentKind.DATA) {
                if (found != null) {
                    return null;
                }
                found = s;
            }
        }
        return found;
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
