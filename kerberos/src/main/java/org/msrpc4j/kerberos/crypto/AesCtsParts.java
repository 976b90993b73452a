package org.msrpc4j.kerberos.crypto;

import java.security.GeneralSecurityException;
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
 * The key schedule is expanded once, in the constructor.
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
    private final Cipher cbc;
    private final Cipher cts;
    private final byte[] iv = new byte[BLOCK];
    private final byte[] chunk = new byte[CHUNK];
    private byte[] tail = new byte[4 * BLOCK];

    /**
     * @param key a 16- or 32-byte AES key
     * @throws GeneralSecurityException when the JCE refuses the key
     */
    public AesCtsParts(byte[] key) throws GeneralSecurityException {
        this.key = new SecretKeySpec(key, "AES");
        this.cbc = Cipher.getInstance("AES/CBC/NoPadding");
        this.cts = Cipher.getInstance("AES/CTS/NoPadding");
        // Initialising once expands the key schedule; later inits with the same key reuse it.
        cbc.init(Cipher.ENCRYPT_MODE, this.key, ZERO_IV);
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
        // The CTS step needs the last two blocks of the message: keep at least 17 bytes for it.
        int headMid = midLen - midLen % BLOCK;
        while (headMid >= 0 && midLen - headMid + lastLen <= BLOCK) {
            headMid -= BLOCK;
        }
        int t;
        if (headMid < 0) {
            // The whole message is the CTS step (first block included), with a zero IV.
            t = BLOCK + midLen + lastLen;
            byte[] buf = tail(t);
            System.arraycopy(first, 0, buf, 0, BLOCK);
            System.arraycopy(mid, midOff, buf, BLOCK, midLen);
            System.arraycopy(last, lastOff, buf, BLOCK + midLen, lastLen);
            cts.init(mode, key, ZERO_IV);
            cts.doFinal(buf, 0, t, buf, 0);
            System.arraycopy(buf, 0, first, 0, BLOCK);
            System.arraycopy(buf, BLOCK, mid, midOff, midLen);
            System.arraycopy(buf, BLOCK + midLen, last, lastOff, lastLen);
            return;
        }
        // CBC over the first block and the whole blocks of the middle; the IV of the CTS step is
        // the last ciphertext block of that chain (read before decryption overwrites it).
        if (mode == Cipher.DECRYPT_MODE) {
            if (headMid > 0) {
                System.arraycopy(mid, midOff + headMid - BLOCK, iv, 0, BLOCK);
            } else {
                System.arraycopy(first, 0, iv, 0, BLOCK);
            }
        }
        cbc.init(mode, key, ZERO_IV);
        cbc.update(first, 0, BLOCK, first, 0);
        // The JCE copies the whole input when input and output overlap, so the middle goes through
        // a fixed scratch chunk instead: the same bytes moved, but no allocation per message.
        for (int done = 0; done < headMid; ) {
            int n = Math.min(CHUNK, headMid - done);
            System.arraycopy(mid, midOff + done, chunk, 0, n);
            cbc.update(chunk, 0, n, mid, midOff + done);
            done += n;
        }
        if (mode == Cipher.ENCRYPT_MODE) {
            if (headMid > 0) {
                System.arraycopy(mid, midOff + headMid - BLOCK, iv, 0, BLOCK);
            } else {
                System.arraycopy(first, 0, iv, 0, BLOCK);
            }
        }
        int rest = midLen - headMid;
        t = rest + lastLen;
        byte[] buf = tail(t);
        System.arraycopy(mid, midOff + headMid, buf, 0, rest);
        System.arraycopy(last, lastOff, buf, rest, lastLen);
        cts.init(mode, key, new IvParameterSpec(iv));
        cts.doFinal(buf, 0, t, buf, 0);
        System.arraycopy(buf, 0, mid, midOff + headMid, rest);
        System.arraycopy(buf, rest, last, lastOff, lastLen);
    }

    private byte[] tail(int length) {
        if (tail.length < length) {
            tail = new byte[length];
        }
        return tail;
    }
}
