package org.msrpc4j.security.ntlm;

import java.util.List;
import javax.crypto.Mac;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.SegmentKind;

/**
 * One direction of NTLM session security with extended session security ([MS-NLMP] 3.4.4.2):
 * signing key, RC4 handle (continued across messages) and sequence number. The sender side makes
 * signatures and seals, the receiver side verifies and unseals. Thread-safe: every operation holds
 * this object's lock, so the sequence number and RC4 state advance together; once a check fails
 * the direction is broken (its RC4 stream can no longer be trusted) and refuses all later use.
 */
final class NtlmSealingState implements NtlmSessionSecurity {
  static final int SIGNATURE_SIZE = 16;

  private final Mac mac; // keyed once with the signing key; doFinal resets it for the next message
  private final byte[] sealKey;
  // Scratch for one message, used under this object's lock: no per-message allocation.
  private final byte[] seqBytes = new byte[4];
  private final byte[] digest = new byte[16];
  private final byte[] expectedToken = new byte[SIGNATURE_SIZE];
  private final boolean keyExchange;
  private Rc4 rc4;
  private int sequence;
  private boolean broken;

  NtlmSealingState(byte[] signKey, byte[] sealKey, boolean keyExchange) {
    this.mac = NtlmCrypto.newHmacMd5(signKey);
    this.sealKey = sealKey.clone();
    this.keyExchange = keyExchange;
    this.rc4 = new Rc4(sealKey);
  }

  /** Signs, and seals the DATA segments in place when {@code seal}; writes the token. */
  @Override
  public synchronized int protect(List<MessageSegment> segments, boolean seal)
      throws SecurityContextException {
    usable();
    MessageSegment token = NtlmSessionSecurity.tokenSegment(segments);
    if (token.length() < SIGNATURE_SIZE) {
      throw new SecurityContextException(
          SecurityStatus.BUFFER_TOO_SMALL,
          "the token segment has " + token.length() + " bytes, the NTLM signature needs 16");
    }
    int seq = sequence++;
    byte[] checksum = checksum(seq, segments);
    if (seal) {
      for (MessageSegment s : segments) {
        if (s.kind() == SegmentKind.DATA) {
          rc4.apply(s.array(), s.offset(), s.length());
        }
      }
    }
    if (keyExchange) {
      rc4.apply(checksum, 0, 8);
    }
    writeSignature(token.array(), token.offset(), checksum, seqBytes);
    return SIGNATURE_SIZE;
  }

  /** Unseals the DATA segments in place when {@code seal}, then verifies the token. */
  @Override
  public synchronized void check(List<MessageSegment> segments, boolean seal)
      throws SecurityContextException {
    usable();
    MessageSegment token = NtlmSessionSecurity.tokenSegment(segments);
    if (token.length() != SIGNATURE_SIZE) {
      broken = true;
      throw new SecurityContextException(
          SecurityStatus.MESSAGE_ALTERED,
          "the NTLM signature is " + token.length() + " bytes, not 16");
    }
    int seq = sequence++;
    if (seal) {
      for (MessageSegment s : segments) {
        if (s.kind() == SegmentKind.DATA) {
          rc4.apply(s.array(), s.offset(), s.length());
        }
      }
    }
    byte[] expected = checksum(seq, segments);
    if (keyExchange) {
      rc4.apply(expected, 0, 8);
    }
    writeSignature(expectedToken, 0, expected, seqBytes);
    if (!matches(token)) {
      broken = true;
      boolean wrongSequence =
          !java.util.Arrays.equals(expectedToken, 12, 16, token.array(), token.offset() + 12, token.offset() + 16);
      throw new SecurityContextException(
          wrongSequence ? SecurityStatus.OUT_OF_SEQUENCE : SecurityStatus.MESSAGE_ALTERED,
          wrongSequence
              ? "NTLM message out of sequence (replayed, reordered or lost)"
              : "NTLM signature check failed: the message was altered");
    }
  }

  /**
   * Re-initialises the RC4 handle from the sealing key, keeping the sequence number (needed by
   * SPNEGO after the mechListMIC, [MS-SPNG] 3.1.5.1).
   */
  @Override
  public synchronized void resetRc4() {
    rc4 = new Rc4(sealKey);
  }

  private void usable() throws SecurityContextException {
    if (broken) {
      throw new SecurityContextException(
          SecurityStatus.INVALID_HANDLE,
          "this NTLM security context failed a message check earlier and cannot be used any more");
    }
  }

  /** HMAC_MD5(SigningKey, SeqNum ‖ message) into the digest scratch; the first 8 bytes are the checksum. */
  private byte[] checksum(int seq, List<MessageSegment> segments) {
    seqBytes[0] = (byte) seq;
    seqBytes[1] = (byte) (seq >>> 8);
    seqBytes[2] = (byte) (seq >>> 16);
    seqBytes[3] = (byte) (seq >>> 24);
    mac.reset();
    mac.update(seqBytes);
    for (MessageSegment s : segments) {
      if (s.kind() != SegmentKind.TOKEN) {
        // NTLM signs the whole PDU, READ_ONLY header included, whether header signing was negotiated or not.
        mac.update(s.array(), s.offset(), s.length());
      }
    }
    try {
      mac.doFinal(digest, 0);
    } catch (javax.crypto.ShortBufferException e) {
      throw new IllegalStateException("HMAC-MD5 output is 16 bytes", e);
    }
    return digest;
  }

  /** Constant-time comparison of the received token with the expected one. */
  private boolean matches(MessageSegment token) {
    byte[] in = token.array();
    int off = token.offset();
    int diff = 0;
    for (int i = 0; i < SIGNATURE_SIZE; i++) {
      diff |= expectedToken[i] ^ in[off + i];
    }
    return diff == 0;
  }

  private static void writeSignature(byte[] out, int off, byte[] checksum, byte[] seqBytes) {
    out[off] = 1;
    out[off + 1] = 0;
    out[off + 2] = 0;
    out[off + 3] = 0;
    System.arraycopy(checksum, 0, out, off + 4, 8);
    System.arraycopy(seqBytes, 0, out, off + 12, 4);
  }
}
