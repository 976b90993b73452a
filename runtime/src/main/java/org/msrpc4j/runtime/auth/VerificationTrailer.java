package org.msrpc4j.runtime.auth;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.UUID;
import org.msrpc4j.runtime.SyntaxId;

/**
 * The verification trailer ([MS-RPCE] 2.2.2.13): commands a client appends to the stub of a
 * request (after 4-byte alignment, before the auth padding, so it is sealed at privacy) that let
 * the server check what a man in the middle could have changed in unsigned parts: the header
 * signing bit (BITMASK_1), the presentation context (PCONTEXT) and the request header (HEADER2).
 *
 * <p>Stateless and thread-safe.
 */
public final class VerificationTrailer {
  private VerificationTrailer() {}

  static final byte[] MAGIC = {(byte) 0x8a, (byte) 0xe3, 0x13, 0x71, 0x02, (byte) 0xf4, 0x36, 0x71};
  static final int CMD_BITMASK_1 = 0x0001;
  static final int CMD_PCONTEXT = 0x0002;
  static final int CMD_HEADER2 = 0x0003;
  static final int CMD_END = 0x4000;
  static final int CMD_MUST_PROCESS = 0x8000;
  /** Samba scans the last 1024 bytes of the stub for the magic; so do we. */
  static final int SCAN_WINDOW = 1024;
  /** BITMASK_1 bit: the client supports header signing. */
  public static final int CLIENT_SUPPORTS_HEADER_SIGNING = 0x1;

  /** What the request said about itself, to compare with the trailer. */
  public record Expected(SyntaxId abstractSyntax, SyntaxId transferSyntax, int ptype, int drep, int callId,
      int contextId, int opnum, boolean headerSigning) {}

  /** The stub without the trailer, and whether one was found. */
  public record Stripped(byte[] stub, boolean present) {}

  /** Thrown when a trailer is present but does not match the request. */
  public static final class MismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    MismatchException(String message) {
      super(message);
    }
  }

  /** Appends the 4-byte alignment, magic and the three commands to {@code stub}. */
  public static byte[] append(byte[] stub, Expected e) {
    byte[] tail = tail(stub.length, e);
    byte[] out = Arrays.copyOf(stub, stub.length + tail.length);
    System.arraycopy(tail, 0, out, stub.length, tail.length);
    return out;
  }

  /**
   * What follows a stub of {@code stubLength} bytes: the 4-byte alignment, magic and the three
   * commands. The call path sends stub and tail as one stub without concatenating them.
   */
  public static byte[] tail(int stubLength, Expected e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    for (int i = stubLength; i % 4 != 0; i++) {
      out.write(0);
    }
    out.writeBytes(MAGIC);
    command(out, CMD_BITMASK_1, 4);
    u32(out, e.headerSigning() ? CLIENT_SUPPORTS_HEADER_SIGNING : 0);
    command(out, CMD_PCONTEXT, 40);
    syntax(out, e.abstractSyntax());
    syntax(out, e.transferSyntax());
    command(out, CMD_HEADER2 | CMD_END, 16);
    out.write(e.ptype());
    out.write(0);
    u16(out, 0);
    u32(out, e.drep());
    u32(out, e.callId());
    u16(out, e.contextId());
    u16(out, e.opnum());
    return out.toByteArray();
  }

  /**
   * Finds a trailer at the end of {@code stub}, checks it against the request, and returns the stub
   * without it. A magic whose commands do not run exactly to the end of the stub is taken as stub
   * data, not as a trailer.
   *
   * @throws MismatchException when a trailer is present and contradicts the request, or has a
   *     duplicate or unknown must-process command
   */
  public static Stripped checkAndStrip(byte[] stub, Expected e) throws MismatchException {
    int lowest = Math.max(0, stub.length - SCAN_WINDOW);
    for (int at = (stub.length - MAGIC.length) & ~3; at >= lowest; at -= 4) {
      if (!Arrays.equals(stub, at, at + MAGIC.length, MAGIC, 0, MAGIC.length)) {
        continue;
      }
      if (parsesToEnd(stub, at + MAGIC.length)) {
        verify(stub, at + MAGIC.length, e);
        return new Stripped(Arrays.copyOf(stub, at), true);
      }
    }
    return new Stripped(stub, false);
  }

  private static boolean parsesToEnd(byte[] b, int p) {
    while (p + 4 <= b.length) {
      int cmd = u16(b, p);
      int len = u16(b, p + 2);
      p += 4;
      if (len > b.length - p) {
        return false;
      }
      p += len;
      if ((cmd & CMD_END) != 0) {
        return p == b.length;
      }
    }
    return false;
  }

  private static void verify(byte[] b, int p, Expected e) throws MismatchException {
    boolean seenBitmask = false;
    boolean seenContext = false;
    boolean seenHeader = false;
    while (true) {
      int cmd = u16(b, p);
      int len = u16(b, p + 2);
      int body = p + 4;
      int type = cmd & 0x3FFF;
      switch (type) {
        case CMD_BITMASK_1 -> {
          if (seenBitmask || len != 4) {
            throw new MismatchException("bad or repeated BITMASK_1 command");
          }
          seenBitmask = true;
          // The client's claim of header-signing support only matters if it says "yes" while we
          // negotiated it away: that would be a downgrade.
          long bits = u32(b, body);
          if ((bits & CLIENT_SUPPORTS_HEADER_SIGNING) != 0 && !e.headerSigning()) {
            throw new MismatchException("the client supports header signing but it was not negotiated (downgrade)");
          }
        }
        case CMD_PCONTEXT -> {
          if (seenContext || len != 40) {
            throw new MismatchException("bad or repeated PCONTEXT command");
          }
          seenContext = true;
          if (!syntax(b, body).equals(e.abstractSyntax()) || !syntax(b, body + 20).equals(e.transferSyntax())) {
            throw new MismatchException("PCONTEXT does not match the bound presentation context");
          }
        }
        case CMD_HEADER2 -> {
          if (seenHeader || len != 16) {
            throw new MismatchException("bad or repeated HEADER2 command");
          }
          seenHeader = true;
          if ((b[body] & 0xFF) != e.ptype() || (int) u32(b, body + 4) != e.drep() || (int) u32(b, body + 8) != e.callId()
              || u16(b, body + 12) != e.contextId() || u16(b, body + 14) != e.opnum()) {
            throw new MismatchException("HEADER2 does not match the request header");
          }
        }
        default -> {
          if ((cmd & CMD_MUST_PROCESS) != 0) {
            throw new MismatchException("unknown must-process command " + type);
          }
        }
      }
      if ((cmd & CMD_END) != 0) {
        return;
      }
      p = body + len;
    }
  }

  private static void command(ByteArrayOutputStream out, int cmd, int len) {
    u16(out, cmd);
    u16(out, len);
  }

  private static void syntax(ByteArrayOutputStream out, SyntaxId s) {
    UUID u = s.uuid();
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    u32(out, (int) (msb >>> 32));
    u16(out, (int) (msb >>> 16));
    u16(out, (int) msb);
    for (int i = 7; i >= 0; i--) {
      out.write((int) (lsb >>> (8 * i)));
    }
    u16(out, s.major());
    u16(out, s.minor());
  }

  private static SyntaxId syntax(byte[] b, int p) {
    long msb = (u32(b, p) << 32) | ((long) u16(b, p + 4) << 16) | u16(b, p + 6);
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      lsb = (lsb << 8) | (b[p + 8 + i] & 0xFF);
    }
    return new SyntaxId(new UUID(msb, lsb), u16(b, p + 16), u16(b, p + 18));
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
  }

  private static void u32(ByteArrayOutputStream out, int v) {
    u16(out, v);
    u16(out, v >>> 16);
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int p) {
    return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xFFFFFFFFL;
  }
}
