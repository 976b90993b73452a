package org.msrpc4j.security.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * Bounds-checked little-endian reads from one received NTLM message. Every failure is a {@link
 * SecurityContextException} with {@link SecurityStatus#INVALID_TOKEN}; nothing unchecked escapes.
 * Not thread-safe (used by one parse).
 */
final class NtlmReader {
  static final byte[] SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};
  /** RPC auth tokens are at most 65535 bytes (auth_length is a u16); refuse anything larger. */
  static final int MAX_MESSAGE = 0xFFFF;

  private final byte[] msg;
  private final String what;

  private NtlmReader(byte[] msg, String what) {
    this.msg = msg;
    this.what = what;
  }

  /**
   * Checks the signature, the message type and a minimum length, and returns a reader.
   *
   * @param what the message name used in error messages
   */
  static NtlmReader open(byte[] msg, int expectedType, int minLength, String what)
      throws SecurityContextException {
    if (msg == null) {
      throw invalid("no " + what + " token was received");
    }
    if (msg.length > MAX_MESSAGE) {
      throw invalid(what + " is " + msg.length + " bytes, more than the 65535 allowed");
    }
    if (msg.length < minLength) {
      throw invalid(what + " is truncated: " + msg.length + " bytes, at least " + minLength + " expected");
    }
    if (!Arrays.equals(msg, 0, 8, SIGNATURE, 0, 8)) {
      throw invalid(what + " does not start with the NTLMSSP signature");
    }
    NtlmReader r = new NtlmReader(msg, what);
    int type = r.u32(8);
    if (type != expectedType) {
      throw invalid("expected an NTLM " + what + " (type " + expectedType + ") but got type " + Integer.toUnsignedString(type));
    }
    return r;
  }

  static SecurityContextException invalid(String message) {
    return new SecurityContextException(SecurityStatus.INVALID_TOKEN, "invalid NTLM message: " + message);
  }

  int length() {
    return msg.length;
  }

  int u16(int off) throws SecurityContextException {
    check(off, 2);
    return (msg[off] & 0xff) | (msg[off + 1] & 0xff) << 8;
  }

  int u32(int off) throws SecurityContextException {
    check(off, 4);
    return (msg[off] & 0xff)
        | (msg[off + 1] & 0xff) << 8
        | (msg[off + 2] & 0xff) << 16
        | (msg[off + 3] & 0xff) << 24;
  }

  byte[] bytes(int off, int len) throws SecurityContextException {
    check(off, len);
    return Arrays.copyOfRange(msg, off, off + len);
  }

  /** The lowest payload offset of a field descriptor whose length is not zero, or MAX_VALUE. */
  int payloadOffsetIfUsed(int fieldOff) throws SecurityContextException {
    int len = u16(fieldOff);
    return len == 0 ? Integer.MAX_VALUE : u32(fieldOff + 4);
  }

  /**
   * The bytes a field descriptor (Len u16, MaxLen u16, Offset u32) at {@code fieldOff} points to.
   *
   * @param name the field name, for error messages
   * @param maxLen the largest length accepted for this field
   */
  byte[] field(int fieldOff, String name, int maxLen) throws SecurityContextException {
    int len = u16(fieldOff);
    long offset = Integer.toUnsignedLong(u32(fieldOff + 4));
    if (len == 0) {
      return new byte[0];
    }
    if (len > maxLen) {
      throw invalid(what + " field " + name + " is " + len + " bytes, more than " + maxLen);
    }
    if (offset + len > msg.length) {
      throw invalid(what + " field " + name + " points outside the message");
    }
    return Arrays.copyOfRange(msg, (int) offset, (int) offset + len);
  }

  /** A string field, UTF-16LE when {@code unicode}, else OEM (read as ISO-8859-1). */
  String stringField(int fieldOff, String name, boolean unicode) throws SecurityContextException {
    byte[] b = field(fieldOff, name, 1024);
    if (unicode) {
      if (b.length % 2 != 0) {
        throw invalid(what + " field " + name + " has an odd length for UTF-16");
      }
      return new String(b, StandardCharsets.UTF_16LE);
    }
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private void check(int off, int len) throws SecurityContextException {
    if (off < 0 || len < 0 || off > msg.length - len) {
      throw invalid(what + " is truncated");
    }
  }
}
