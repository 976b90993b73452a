package org.msrpc4j.security.ntlm;

import java.util.List;
import org.msrpc4j.security.MessageSegment;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.SegmentKind;

/**
 * One way of signing and sealing NTLM messages: a direction of extended session security ({@link
 * NtlmSealingState}), or the older shared scheme a null session may fall back to ({@link
 * NtlmLegacySessionSecurity}). Implementations are thread-safe.
 */
interface NtlmSessionSecurity {

  /** Signs, and seals the DATA segments in place when {@code seal}; writes the token; returns its length. */
  int protect(List<MessageSegment> segments, boolean seal) throws SecurityContextException;

  /** Unseals the DATA segments in place when {@code seal}, then verifies the token. */
  void check(List<MessageSegment> segments, boolean seal) throws SecurityContextException;

  /** Re-initialises the RC4 state from the sealing key, keeping sequence numbers. */
  void resetRc4();

  /** The single TOKEN segment of a message. */
  static MessageSegment tokenSegment(List<MessageSegment> segments) throws SecurityContextException {
    MessageSegment token = null;
    for (MessageSegment s : segments) {
      if (s.kind() == SegmentKind.TOKEN) {
        if (token != null) {
          throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "more than one TOKEN segment was given");
        }
        token = s;
      }
    }
    if (token == null) {
      throw new SecurityContextException(SecurityStatus.INVALID_TOKEN, "no TOKEN segment was given");
    }
    return token;
  }
}
