package org.msrpc4j.authz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One token of a conditional ACE expression in its binary form ([MS-DTYP] 2.4.4.17.4–2.4.4.17.8),
 * and the decoder for the whole token stream.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the byte-code
 * @param value Long for integers, String for strings and attribute names, byte[] for octet strings,
 *     Sid for SIDs, List of tokens for composites, null for operators
 * @param sign sign byte of integers (1 +, 2 -, 3 none)
 * @param base base byte of integers (1 octal, 2 decimal, 3 hex)
 */
record ConditionToken(int code, Object value, int sign, int base) {
  static final byte[] SIGNATURE = {0x61, 0x72, 0x74, 0x78}; // "artx"

  static final int INT8 = 0x01;
  static final int INT16 = 0x02;
  static final int INT32 = 0x03;
  static final int INT64 = 0x04;
  static final int STRING = 0x10;
  static final int OCTETS = 0x18;
  static final int COMPOSITE = 0x50;
  static final int SID = 0x51;
  static final int LOCAL_ATTR = 0xf8;
  static final int USER_ATTR = 0xf9;
  static final int RESOURCE_ATTR = 0xfa;
  static final int DEVICE_ATTR = 0xfb;

  static final int EQ = 0x80;
  static final int NE = 0x81;
  static final int LT = 0x82;
  static final int LE = 0x83;
  static final int GT = 0x84;
  static final int GE = 0x85;
  static final int CONTAINS = 0x86;
  static final int EXISTS = 0x87;
  static final int ANY_OF = 0x88;
  static final int MEMBER_OF = 0x89;
  static final int DEVICE_MEMBER_OF = 0x8a;
  static final int MEMBER_OF_ANY = 0x8b;
  static final int DEVICE_MEMBER_OF_ANY = 0x8c;
  static final int NOT_EXISTS = 0x8d;
  static final int NOT_CONTAINS = 0x8e;
  static final int NOT_ANY_OF = 0x8f;
  static final int NOT_MEMBER_OF = 0x90;
  static final int NOT_DEVICE_MEMBER_OF = 0x91;
  static final int NOT_MEMBER_OF_ANY = 0x92;
  static final int NOT_DEVICE_MEMBER_OF_ANY = 0x93;
  static final int AND = 0xa0;
  static final int OR = 0xa1;
  static final int NOT = 0xa2;

  /** Bound on tokens and on composite nesting, so hostile input cannot exhaust memory or stack. */
  static final int MAX_TOKENS = 16_384;
  static final int MAX_DEPTH = 16;

  boolean isOperator() {
    return code >= 0x80 && code <= 0xa2;
  }

  boolean isUnaryOperator() {
    return (code >= MEMBER_OF && code <= DEVICE_MEMBER_OF_ANY) || code == EXISTS || code == NOT_EXISTS
        || (code >= NOT_MEMBER_OF && code <= NOT_DEVICE_MEMBER_OF_ANY) || code == NOT;
  }

  boolean isAttribute() {
    return code >= LOCAL_ATTR && code <= DEVICE_ATTR;
  }

  /** True if {@code data} starts with the "artx" signature of a conditional expression. */
  static boolean isConditional(byte[] data) {
    return data.length >= 4 && data[0] == SIGNATURE[0] && data[1] == SIGNATURE[1] && data[2] == SIGNATURE[2]
        && data[3] == SIGNATURE[3];
  }

  /** Decodes the tokens after the signature; trailing zero bytes are padding. */
  static List<ConditionToken> decode(byte[] data) throws SecurityFormatException {
    if (!isConditional(data)) {
      throw new SecurityFormatException(0, "application data is not a conditional expression (no \"artx\")");
    }
    List<ConditionToken> out = new ArrayList<>();
    int[] pos = {4};
    while (pos[0] < data.length) {
      if (data[pos[0]] == 0) {
        for (int p = pos[0]; p < data.length; p++) {
          if (data[p] != 0) {
            throw new SecurityFormatException(p, "non-zero byte after padding in conditional expression");
          }
        }
        break;
      }
      if (out.size() >= MAX_TOKENS) {
        throw new SecurityFormatException(pos[0], "conditional expression has too many tokens");
      }
      out.add(one(data, pos, data.length, 0));
    }
    return out;
  }

  private static ConditionToken one(byte[] b, int[] pos, int end, int depth) throws SecurityFormatException {
    int at = pos[0];
    int code = b[at] & 0xFF;
    pos[0]++;
    switch (code) {
      case INT8, INT16, INT32, INT64 -> {
        need(b, pos[0], 10, end, at);
        long v = (SecurityDescriptorBinary.u32(b, pos[0]) & 0xFFFF_FFFFL)
            | (SecurityDescriptorBinary.u32(b, pos[0] + 4) << 32);
        int sign = b[pos[0] + 8] & 0xFF;
        int base = b[pos[0] + 9] & 0xFF;
        if (sign < 1 || sign > 3 || base < 1 || base > 3) {
          throw new SecurityFormatException(pos[0] + 8, "bad sign or base byte in integer literal");
        }
        pos[0] += 10;
        return new ConditionToken(code, v, sign, base);
      }
      case STRING, LOCAL_ATTR, USER_ATTR, RESOURCE_ATTR, DEVICE_ATTR -> {
        byte[] raw = lengthPrefixed(b, pos, end, at);
        if (raw.length % 2 != 0) {
          throw new SecurityFormatException(at + 1, "UTF-16 string has an odd byte length");
        }
        return new ConditionToken(code, new String(raw, StandardCharsets.UTF_16LE), 0, 0);
      }
      case OCTETS -> {
        return new ConditionToken(code, lengthPrefixed(b, pos, end, at), 0, 0);
      }
      case SID -> {
        byte[] raw = lengthPrefixed(b, pos, end, at);
        Sid sid = Sid.fromBytes(raw, 0);
        if (sid.binaryLength() != raw.length) {
          throw new SecurityFormatException(at + 1, "SID literal length does not match the SID");
        }
        return new ConditionToken(code, sid, 0, 0);
      }
      case COMPOSITE -> {
        if (depth >= MAX_DEPTH) {
          throw new SecurityFormatException(at, "composite literals nested too deeply");
        }
        need(b, pos[0], 4, end, at);
        long len = SecurityDescriptorBinary.u32(b, pos[0]);
        pos[0] += 4;
        if (len > end - pos[0]) {
          throw new SecurityFormatException(at + 1, "composite length " + len + " runs past the expression");
        }
        int innerEnd = pos[0] + (int) len;
        List<ConditionToken> items = new ArrayList<>();
        while (pos[0] < innerEnd) {
          ConditionToken t = one(b, pos, innerEnd, depth + 1);
          if (t.isOperator()) {
            throw new SecurityFormatException(pos[0] - 1, "operator inside a composite literal");
          }
          items.add(t);
        }
        return new ConditionToken(code, List.copyOf(items), 0, 0);
      }
      default -> {
        if ((code >= EQ && code <= NOT_DEVICE_MEMBER_OF_ANY) || (code >= AND && code <= NOT)) {
          return new ConditionToken(code, null, 0, 0);
        }
        throw new SecurityFormatException(at, "unknown conditional token 0x" + Integer.toHexString(code));
      }
    }
  }

  private static void need(byte[] b, int p, int n, int end, int at) throws SecurityFormatException {
    if (p + n > end) {
      throw new SecurityFormatException(at, "conditional token truncated");
    }
  }

  private static byte[] lengthPrefixed(byte[] b, int[] pos, int end, int at) throws SecurityFormatException {
    need(b, pos[0], 4, end, at);
    long len = SecurityDescriptorBinary.u32(b, pos[0]);
    pos[0] += 4;
    if (len > end - pos[0]) {
      throw new SecurityFormatException(at + 1, "length " + len + " runs past the conditional expression");
    }
    byte[] out = new byte[(int) len];
    System.arraycopy(b, pos[0], out, 0, out.length);
    pos[0] += out.length;
    return out;
  }
}
