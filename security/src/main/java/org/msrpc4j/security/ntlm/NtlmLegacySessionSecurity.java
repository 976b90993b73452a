package org.msrpc4j.security.ntlm;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.SegmentKind;

/**
 * NTLM session security without extended session security ([MS-NLMP] 3.4.4.1): CRC32 of the DATA
 * segments, one RC4 state and one sequence number shared by both directions (as Samba does). It
 * gives no real protection and is used only for null sessions whose client dropped extended
 * session security (Samba's anonymous client does); the server refuses it for authenticated users.
 * Thread-safe (synchronized); breaks after a failed check like {@link NtlmSealingState}.
 */
final class NtlmLegacySessionSecurity implements NtlmSessionSecurity {
  private final byte[] sealKey;
  private Rc4 rc4;
  private int sequence;
  private boolean broken;

  NtlmLegacySessionSecurity(byte[] sealKey) {
    this.sealKey = sealKey.clone();
    this.rc4 = new Rc4(sealKey);
  }

  @Override
  public synchronized int protect(List<MessageSegment> segments, boolean seal) throws SecurityContextException {
    usable();
    MessageSegment token = NtlmSessionSecurity.tokenSegment(segments);
    if (token.length() < NtlmSealingState.SIGNATURE_SIZE) {
      throw new SecurityContextException(SecurityStatus.BUFFER_TOO_SMALL, "the NTLM signature needs 16 bytes");
    }
    byte[] sig = plainSignature(segments);
    if (seal) {
      applyToData(segments);
    }
    rc4.apply(sig, 4, 12);
    System.arraycopy(sig, 0, token.array(), token.offset(), 16);
    return NtlmSealingState.SIGNATURE_SIZE;
  }

  @Override
  public synchronized void check(List<MessageSegment> segments, boolean seal) throws SecurityContextException {
    usable();
    MessageSegment token = NtlmSessionSecurity.tokenSegment(segments);
    if (token.length() != NtlmSealingState.SIGNATURE_SIZE) {
      broken = true;
      throw new SecurityContextException(SecurityStatus.MESSAGE_ALTERED, "the NTLM signature is not 16 bytes");
    }
    if (seal) {
      applyToData(segments);
    }
    byte[] expected = plainSignature(segments);
    rc4.apply(expected, 4, 12);
    // The random pad (bytes 4..8) is not checked, as in Samba: only CRC and sequence number.
    byte[] received = Arrays.copyOfRange(token.array(), token.offset() + 8, token.offset() + 16);
    if (!MessageDigest.isEqual(Arrays.copyOfRange(expected, 8, 16), received)) {
      broken = true;
      throw new SecurityContextException(
          SecurityStatus.MESSAGE_ALTERED, "NTLM signature check failed: the message was altered, replayed or reordered");
    }
  }

  @Override
  public synchronized void resetRc4() {
    rc4 = new Rc4(sealKey);
  }

  /** Version 1, RandomPad 0, CRC32 of the DATA segments, sequence number; advances the sequence. */
  private byte[] plainSignature(List<MessageSegment> segments) {
    CRC32 crc = new CRC32();
    for (MessageSegment s : segments) {
      if (s.kind() == SegmentKind.DATA) {
        crc.update(s.array(), s.offset(), s.length());
      }
    }
    byte[] sig = new byte[16];
    sig[0] = 1;
    System.arraycopy(AvPairs.le32((int) crc.getValue()), 0, sig, 8, 4);
    System.arraycopy(AvPairs.le32(sequence++), 0, sig, 12, 4);
    return sig;
  }

  private void applyToData(List<MessageSegment> segments) {
    for (MessageSegment s : segments) {
      if (s.kind() == SegmentKind.DATA) {
        rc4.apply(s.array(), s.offset(), s.length());
      }
    }
  }

  private void usable() throws SecurityContextException {
    if (broken) {
      throw new SecurityContextException(
          SecurityStatus.INVALID_HANDLE,
          "this NTLM security context failed a message check earlier and cannot be used any more");
    }
  }
}
