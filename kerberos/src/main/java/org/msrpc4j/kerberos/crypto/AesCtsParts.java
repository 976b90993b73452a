package org.msrpc4j.kerberos.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CTS as Kerberos uses it (RFC 3962, zero IV; the same function as {@link AesCts}) over a
 * message held in three places: a 16-byte first block, a middle of any length and a last part of
 * any length, each transformed where it lies. A CFX wrap token seals a PDU's stub this way: the
 * confounder and the filler and header copy live in small buffers, the stub stays in the PDU.
 *
 * <p>The CBC chain runs in place over the first block and the whole blocks of the middle; only
 * the bytes from the last block boundary on that still leave two blocks for ciphertext stealing
 * (fewer than {@code 32 + last length} bytes) are gathered into a scratch buffer for the CTS step.
 * The middle passes through a 16 KiB scratch chunk on its way, because the JCE would otherwise copy
 * a whole overlapping input on every call.
 *
 * <p>No message pays for a {@code Cipher.init}: for a small message (a sealed RPC call) the JCE's
 * init (provider dispatch, key comparison, IV copy) cost more than the AES itself. The CBC ciphers
 * are initialised once with the zero IV; the CTS step continues the same chain and its
 * {@code doFinal} returns the cipher to that IV for the next message. Ciphertext stealing is done
 * here on top of CBC (RFC 3962 / NIST SP 800-38A addendum CS3: zero-pad the last block, CBC, swap
 * the last two blocks; to decrypt, one raw AES block decryption recovers the stolen bytes), which
 * is why the JDK's {@code AES/CTS/NoPadding}, that would need an init per IV, is not used.
 *
 * <p>Not thread-safe: it keeps Cipher instances and scratch space. Each direction of a security
 * context owns one and uses it under that direction's lock.
 */
public final class AesCtsParts {
    private static final int BLOCK = 16;
    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[BLOCK]);
    /** Scratch size for the in-place CBC pass: large enough to amortise the call, small enough to stay in cache. */
    private static final int CHUNK = 16 * 1024;

    private final SecretKeySpec key;
    private final byte[] chunk = new byte[CHUNK];
    private final byte[] block = new byte[BLOCK];
    private byte[] tail = new byte[4 * BLOCK];
    private byte[] tailOut = new byte[4 * BLOCK];
    // Created on first use per mode: a context direction only ever encrypts or only decrypts.
    private Cipher cbcEncrypt;
    private Cipher cbcDecrypt;
    private Cipher ecbDecrypt;
    // True while a message is in progress: a message that failed half-way leaves its cipher's chain
    // mid-stream, and the next one must return it to the zero IV first.
    private boolean midMessage;

    /**
     * @param key a 16- or 32-byte AES key
     * @throws GeneralSecurityException when the JCE refuses the key
     */
    public AesCtsParts(byte[] key) throws GeneralSecurityException {
        this.key = new SecretKeySpec(key, "AES");
        // Initialising once expands the key schedule and checks the key now rather than per message.
        cbcEncrypt = newCipher("AES/CBC/NoPadding", Cipher.ENCRYPT_MODE);
    }

    /**
     * Encrypts {@code first[0,16) ‖ mid[midOff, midOff+midLen) ‖ last[lastOff, lastOff+lastLen)} in
     * place: each range receives the ciphertext bytes at its position in the message.
     *
     * @throws GeneralSecurityException when the message is not longer than one block or the JCE fails
     */
    public void encrypt(byte[] first, byte[] mid, int midOff, int midLen, byte[] last, int lastOff, int lastLen)
            throws GeneralSecurityException {
        run(Cipher.ENCRYPT_MODE, first, mid, midOff, midLen, last, lastOff, lastLen);
    }

    /**
     * Decrypts the three ranges in place; the inverse of {@link #encrypt}.
     *
     * @throws GeneralSecurityException when the message is not longer than one block or the JCE fails
     */
    public void decrypt(byte[] first, byte[] mid, int midOff, int midLen, byte[] last, int lastOff, int lastLen)
            throws GeneralSecurityException {
        run(Cipher.DECRYPT_MODE, first, mid, midOff, midLen, last, lastOff, lastLen);
    }

    private void run(int mode, byte[] first, byte[] mid, int midOff, int midLen, byte[] last, int lastOff, int lastLen)
            throws GeneralSecurityException {
        Objects.checkFromIndexSize(0, BLOCK, first.length);
        Objects.checkFromIndexSize(midOff, midLen, mid.length);
        Objects.checkFromIndexSize(lastOff, lastLen, last.length);
        if (midLen + lastLen == 0) {
            throw new GeneralSecurityException("AES-CTS parts of one block: nothing to steal from");
        }
        Cipher cbc = cbc(mode);
        if (midMessage) {
            // doFinal of nothing ends the broken chain and restores the zero IV, without an init.
            cbcEncrypt.doFinal(chunk, 0, 0, block, 0);
            if (cbcDecrypt != null) {
                cbcDecrypt.doFinal(chunk, 0, 0, block, 0);
            }
        }
        midMessage = true;
        // The CTS step needs the last two blocks of the message: keep at least 17 bytes for it.
        int headMid = midLen - midLen % BLOCK;
        while (headMid >= 0 && midLen - headMid + lastLen <= BLOCK) {
            headMid -= BLOCK;
        }
        if (headMid < 0) {
            // The whole message is the CTS step, first block included.
            int t = BLOCK + midLen + lastLen;
            byte[] buf = tail(t);
            System.arraycopy(first, 0, buf, 0, BLOCK);
            System.arraycopy(mid, midOff, buf, BLOCK, midLen);
            System.arraycopy(last, lastOff, buf, BLOCK + midLen, lastLen);
            steal(mode, cbc, buf, t);
            System.arraycopy(buf, 0, first, 0, BLOCK);
            System.arraycopy(buf, BLOCK, mid, midOff, midLen);
            System.arraycopy(buf, BLOCK + midLen, last, lastOff, lastLen);
        } else {
            // CBC over the first block and the whole blocks of the middle. The JCE copies the whole
            // input when input and output overlap, so each range goes through the fixed scratch
            // chunk instead: the same bytes moved, but no allocation per message.
            System.arraycopy(first, 0, chunk, 0, BLOCK);
            cbc.update(chunk, 0, BLOCK, first, 0);
            for (int done = 0; done < headMid; ) {
                int n = Math.min(CHUNK, headMid - done);
                System.arraycopy(mid, midOff + done, chunk, 0, n);
                cbc.update(chunk, 0, n, mid, midOff + done);
                done += n;
            }
            int rest = midLen - headMid;
            int t = rest + lastLen;
            byte[] buf = tail(t);
            System.arraycopy(mid, midOff + headMid, buf, 0, rest);
            System.arraycopy(last, lastOff, buf, rest, lastLen);
            steal(mode, cbc, buf, t);
            System.arraycopy(buf, 0, mid, midOff + headMid, rest);
            System.arraycopy(buf, rest, last, lastOff, lastLen);
        }
        midMessage = false;
    }

    /**
     * The CTS (CS3) step over {@code buf[0, t)}, 17 &le; t, in place, continuing {@code cbc}'s chain;
     * its doFinal returns the cipher to the zero IV.
     */
    private void steal(int mode, Cipher cbc, byte[] buf, int t) throws GeneralSecurityException {
        int n = (t + BLOCK - 1) / BLOCK; // blocks, the last one d bytes long
        int d = t - BLOCK * (n - 1);
        int padded = BLOCK * n;
        int penult = BLOCK * (n - 2);
        int lastBlock = BLOCK * (n - 1);
        byte[] out = tailOut;
        if (mode == Cipher.ENCRYPT_MODE) {
            // CBC over the zero-padded plaintext; the last (full) ciphertext block goes before the
            // first d bytes of the one before it.
            Arrays.fill(buf, t, padded, (byte) 0);
            cbc.doFinal(buf, 0, padded, out, 0);
            System.arraycopy(out, 0, buf, 0, penult);
            System.arraycopy(out, lastBlock, buf, penult, BLOCK);
            System.arraycopy(out, penult, buf, lastBlock, d);
            return;
        }
        // buf holds C1..C(n-2), Cn (full), then the first d bytes of C(n-1). AES-decrypting Cn gives
        // P(n) XOR C(n-1), whose bytes past d are C(n-1)'s own (P(n) was zero-padded): that
        // restores C(n-1), and plain CBC over C1..C(n-1), Cn then yields P1..P(n).
        ecb().update(buf, penult, BLOCK, block, 0);
        System.arraycopy(buf, penult, out, 0, BLOCK); // Cn, kept while C(n-1) takes its place
        System.arraycopy(buf, lastBlock, buf, penult, d);
        System.arraycopy(block, d, buf, penult + d, BLOCK - d);
        System.arraycopy(out, 0, buf, lastBlock, BLOCK);
        cbc.doFinal(buf, 0, padded, out, 0);
        System.arraycopy(out, 0, buf, 0, t);
    }

    private Cipher cbc(int mode) throws GeneralSecurityException {
        if (mode == Cipher.ENCRYPT_MODE) {
            return cbcEncrypt;
        }
        if (cbcDecrypt == null) {
            cbcDecrypt = newCipher("AES/CBC/NoPadding", Cipher.DECRYPT_MODE);
        }
        return cbcDecrypt;
    }

    private Cipher ecb() throws GeneralSecurityException {
        if (ecbDecrypt == null) {
            ecbDecrypt = newCipher("AES/ECB/NoPadding", Cipher.DECRYPT_MODE);
        }
        return ecbDecrypt;
    }

    private Cipher newCipher(String transformation, int mode) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(transformation);
        if (transformation.contains("/ECB/")) {
            c.init(mode, key);
        } else {
            c.init(mode, key, ZERO_IV);
        }
        return c;
    }

    /** Scratch for the CTS step, at least {@code length} rounded up to whole blocks. */
    private byte[] tail(int length) {
        int padded = (length + BLOCK - 1) / BLOCK * BLOCK;
        if (tail.length < padded) {
            tail = new byte[padded];
            tailOut = new byte[padded];
        }
        return tail;
    }
}
