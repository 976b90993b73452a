package org.msrpc4j.idl.ast;

/** The base types of NDR as MIDL spells them, after folding C's spellings ({@code int}, {@code __int64}, …). */
public enum PrimitiveKind {
  BOOLEAN(1, true),
  BYTE(1, false),
  /** {@code char} and {@code unsigned char}: an unsigned octet. */
  CHAR(1, false),
  /** {@code small}, {@code signed char}, {@code __int8}. */
  SMALL(1, true),
  USMALL(1, false),
  SHORT(2, true),
  USHORT(2, false),
  /** {@code wchar_t}: a UTF-16 code unit. */
  WCHAR(2, false),
  /** {@code long}, {@code int}, {@code __int32}. */
  LONG(4, true),
  ULONG(4, false),
  /** {@code __int3264}: 32 bits in NDR 2.0. */
  INT3264(4, true),
  UINT3264(4, false),
  /** {@code error_status_t}: an unsigned 32-bit status. */
  ERROR_STATUS_T(4, false),
  HYPER(8, true),
  UHYPER(8, false),
  FLOAT(4, true),
  DOUBLE(8, true),
  /** {@code handle_t}: a primitive binding handle; never on the wire. */
  HANDLE_T(0, false),
  VOID(0, false);

  private final int size;
  private final boolean signed;

  PrimitiveKind(int size, boolean signed) {
    this.size = size;
    this.signed = signed;
  }

  /** Wire size in octets under NDR 2.0 (0 for types that are not transmitted). */
  public int size() {
    return size;
  }

  /** Whether the value is signed. */
  public boolean signed() {
    return signed;
  }

  /** Whether the type is an integer (usable in expressions, switches and ranges). */
  public boolean isInteger() {
    return this != FLOAT && this != DOUBLE && this != HANDLE_T && this != VOID;
  }
}
