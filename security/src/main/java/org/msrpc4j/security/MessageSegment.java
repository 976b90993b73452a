package org.msrpc4j.security;

import java.util.Objects;

/**
 * A view of a range of a byte array (no copy) and its {@link SegmentKind}: the building block of
 * the per-message operations, which take the segments of one PDU in wire order so that a provider
 * can sign the header, seal the stub in place, and write the token straight into the PDU.
 *
 * <p>Not thread-safe in the sense that the underlying array is shared and mutated in place by
 * sealing; the object itself is immutable.
 *
 * @param kind what the provider does with the range
 * @param array the backing array (not copied)
 * @param offset the start of the range
 * @param length the length of the range
 */
public record MessageSegment(SegmentKind kind, byte[] array, int offset, int length) {

  /** Checks the range lies inside the array. */
  public MessageSegment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(array, "array");
    Objects.checkFromIndexSize(offset, length, array.length);
  }

  /** A stub-data segment. */
  public static MessageSegment data(byte[] array, int offset, int length) {
    return new MessageSegment(SegmentKind.DATA, array, offset, length);
  }

  /** A sign-only segment (header signing negotiated). */
  public static MessageSegment signOnly(byte[] array, int offset, int length) {
    return new MessageSegment(SegmentKind.SIGN_ONLY, array, offset, length);
  }

  /** A read-only segment (header signing not negotiated). */
  public static MessageSegment readOnly(byte[] array, int offset, int length) {
    return new MessageSegment(SegmentKind.READ_ONLY, array, offset, length);
  }

  /**
   * The token segment: when signing or sealing, room of at least the provider's token size; when
   * verifying or unsealing, exactly the received token.
   */
  public static MessageSegment token(byte[] array, int offset, int length) {
    return new MessageSegment(SegmentKind.TOKEN, array, offset, length);
  }

  /** A whole array as a segment of the given kind. */
  public static MessageSegment of(SegmentKind kind, byte[] array) {
    return new MessageSegment(kind, array, 0, array.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageSegment s
        && s.kind == kind
        && s.array == array
        && s.offset == offset
        && s.length == length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, System.identityHashCode(array), offset, length);
  }

  @Override
  public String toString() {
    return "MessageSegment[" + kind + ", " + offset + "+" + length + "]";
  }
}
