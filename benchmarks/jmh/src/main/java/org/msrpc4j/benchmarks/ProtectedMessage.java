package org.msrpc4j.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import org.msrpc4j.security.MessageSegment;

/**
 * One PDU-shaped buffer as the runtime hands it to a security provider: a 24-byte request header,
 * the stub, the 8-byte sec_trailer and room for the token, in one array, with the segments the
 * runtime builds over it (header and trailer SIGN_ONLY because header signing is negotiated, the
 * stub DATA, the token TOKEN). See {@code SecurityContextProtection} in the runtime.
 *
 * <p>Not thread-safe: sealing mutates the array in place; each benchmark thread owns one.
 */
final class ProtectedMessage {
  static final int HEADER = 24;
  static final int TRAILER = 8;

  private final byte[] frame;
  private final int stubLength;
  private final int tokenLength;

  ProtectedMessage(int stubLength, int tokenLength, long seed) {
    this.stubLength = stubLength;
    this.tokenLength = tokenLength;
    this.frame = new byte[HEADER + stubLength + TRAILER + tokenLength];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < HEADER + stubLength + TRAILER; i++) {
      frame[i] = (byte) random.nextInt(256);
    }
  }

  /** The segments over the buffer, built per call as the runtime does. */
  List<MessageSegment> segments() {
    return List.of(
        MessageSegment.signOnly(frame, 0, HEADER),
        MessageSegment.data(frame, HEADER, stubLength),
        MessageSegment.signOnly(frame, HEADER + stubLength, TRAILER),
        MessageSegment.token(frame, HEADER + stubLength + TRAILER, tokenLength));
  }

  /** The segments with a TOKEN segment of exactly {@code length} bytes, for verify/unseal. */
  List<MessageSegment> segmentsWithToken(int length) {
    return List.of(
        MessageSegment.signOnly(frame, 0, HEADER),
        MessageSegment.data(frame, HEADER, stubLength),
        MessageSegment.signOnly(frame, HEADER + stubLength, TRAILER),
        MessageSegment.token(frame, HEADER + stubLength + TRAILER, length));
  }

  /** A byte of the stub, for the benchmark to return so the work cannot be dropped. */
  byte stubByte() {
    return frame[HEADER + stubLength / 2];
  }
}
