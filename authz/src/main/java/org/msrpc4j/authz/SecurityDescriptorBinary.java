package org.msrpc4j.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The self-relative binary form of security descriptors, ACLs and ACEs ([MS-DTYP] 2.4.4–2.4.6).
 *
 * <p>Stateless and thread-safe. Decoding treats its input as untrusted: every offset, size and count
 * is checked against the buffer before use, and every problem ends in a
 * {@link SecurityFormatException} naming the byte offset. Encoding writes SACL, DACL, owner, group
 * in that order, as Windows does.
 */
public final class SecurityDescriptorBinary {
  private static final int HEADER = 20;

  private SecurityDescriptorBinary() {}

  /**
   * Decodes a self-relative security descriptor. The four parts may be laid out in any order
   * (Samba writes owner first, Windows SACL first). An ACL whose present bit is clear is ignored, as
   * Windows' RtlGetDaclSecurityDescriptor does; a present bit with offset 0 is a null ACL.
   */
  public static SecurityDescriptor decode(byte[] b) throws SecurityFormatException {
    if (b == null || b.length < HEADER) {
      throw new SecurityFormatException(0, "security descriptor truncated: needs at least 20 bytes");
    }
    if (b[0] != 1) {
      throw new SecurityFormatException(0, "unsupported security descriptor revision " + (b[0] & 0xFF));
    }
    int rm = b[1] & 0xFF;
    int control = u16(b, 2);
    long offOwner = u32(b, 4);
    long offGroup = u32(b, 8);
    long offSacl = u32(b, 12);
    long offDacl = u32(b, 16);
    Sid owner = offOwner == 0 ? null : Sid.fromBytes(b, checkOffset(b, offOwner, 4, "owner"));
    Sid group = offGroup == 0 ? null : Sid.fromBytes(b, checkOffset(b, offGroup, 8, "group"));
    Acl sacl = null;
    if ((control & SecurityDescriptor.SACL_PRESENT) != 0 && offSacl != 0) {
      sacl = decodeAcl(b, checkOffset(b, offSacl, 12, "SACL"));
    }
    Acl dacl = null;
    if ((control & SecurityDescriptor.DACL_PRESENT) != 0 && offDacl != 0) {
      dacl = decodeAcl(b, checkOffset(b, offDacl, 16, "DACL"));
    }
    return SecurityDescriptor.of(control, rm, owner, group, sacl, dacl);
  }

  private static int checkOffset(byte[] b, long off, int fieldAt, String what) throws SecurityFormatException {
    if (off < HEADER || off >= b.length) {
      throw new SecurityFormatException(fieldAt, what + " offset " + off + " lies outside the "
          + b.length + "-byte descriptor body");
    }
    return (int) off;
  }

  /** Decodes one ACL at {@code off}; its AclSize must fit in the buffer. */
  public static Acl decodeAcl(byte[] b, int off) throws SecurityFormatException {
    if (off < 0 || off > b.length - 8) {
      throw new SecurityFormatException(Math.max(0, off), "ACL header truncated: needs 8 bytes");
    }
    int revision = b[off] & 0xFF;
    if (revision < 2 || revision > 4) {
      throw new SecurityFormatException(off, "unsupported ACL revision " + revision + " (2, 3 or 4)");
    }
    int size = u16(b, off + 2);
    int count = u16(b, off + 4);
    if (size < 8) {
      throw new SecurityFormatException(off + 2, "AclSize " + size + " is smaller than the ACL header");
    }
    if (size > b.length - off) {
      throw new SecurityFormatException(off + 2, "AclSize " + size + " runs past the end of the buffer ("
          + (b.length - off) + " bytes left)");
    }
    int end = off + size;
    // Each ACE needs at least its 4-byte header: bounds the list before allocating it.
    if ((long) count * 4 > size - 8) {
      throw new SecurityFormatException(off + 4, "AceCount " + count + " cannot fit in AclSize " + size);
    }
    List<Ace> aces = new ArrayList<>(count);
    int p = off + 8;
    for (int i = 0; i < count; i++) {
      if (p > end - 4) {
        throw new SecurityFormatException(p, "ACE " + i + " header runs past the end of the ACL");
      }
      int aceSize = u16(b, p + 2);
      if (aceSize < 4 || aceSize > end - p) {
        throw new SecurityFormatException(p + 2, "AceSize " + aceSize + " of ACE " + i
            + " does not fit in the ACL (" + (end - p) + " bytes left)");
      }
      aces.add(decodeAce(b, p, aceSize));
      p += aceSize;
    }
    return Acl.of(revision, aces);
  }

  private static Ace decodeAce(byte[] b, int p, int aceSize) throws SecurityFormatException {
    int typeCode = b[p] & 0xFF;
    int flags = b[p + 1] & 0xFF;
    int end = p + aceSize;
    AceType type = AceType.fromCode(typeCode);
    if (type == null || type.layout() == AceType.Layout.OPAQUE) {
      return Ace.opaque(typeCode, flags, slice(b, p + 4, end));
    }
    int q = p + 4;
    if (q > end - 4) {
      throw new SecurityFormatException(p + 2, "ACE too short for its access mask");
    }
    int mask = (int) u32(b, q);
    q += 4;
    UUID objectType = null;
    UUID inheritedObjectType = null;
    if (type.isObject()) {
      if (q > end - 4) {
        throw new SecurityFormatException(q, "object ACE too short for its Flags field");
      }
      int objFlags = (int) u32(b, q);
      q += 4;
      if ((objFlags & Ace.OBJECT_TYPE_PRESENT) != 0) {
        if (q > end - 16) {
          throw new SecurityFormatException(q, "object ACE too short for its ObjectType GUID");
        }
        objectType = guid(b, q);
        q += 16;
      }
      if ((objFlags & Ace.INHERITED_OBJECT_TYPE_PRESENT) != 0) {
        if (q > end - 16) {
          throw new SecurityFormatException(q, "object ACE too short for its InheritedObjectType GUID");
        }
        inheritedObjectType = guid(b, q);
        q += 16;
      }
    }
    if (q > end - 8) {
      throw new SecurityFormatException(q, "ACE too short for its SID");
    }
    int sidLen = 8 + 4 * (b[q + 1] & 0xFF);
    if (sidLen > end - q) {
      throw new SecurityFormatException(q, "the SID runs past the end of its ACE");
    }
    Sid sid = Sid.fromBytes(slice(b, q, q + sidLen), 0);
    q += sidLen;
    return Ace.of(type, flags, mask, sid, objectType, inheritedObjectType, slice(b, q, end));
  }

  /**
   * Encodes a descriptor in self-relative form, SACL, DACL, owner, group.
   *
   * @throws IllegalArgumentException if an ACL exceeds the 65,535 bytes its size field can hold
   */
  public static byte[] encode(SecurityDescriptor sd) {
    int len = HEADER;
    Acl sacl = sd.sacl();
    Acl dacl = sd.dacl();
    len += sacl != null ? aclLength(sacl) : 0;
    len += dacl != null ? aclLength(dacl) : 0;
    len += sd.owner() != null ? sd.owner().binaryLength() : 0;
    len += sd.group() != null ? sd.group().binaryLength() : 0;
    byte[] out = new byte[len];
    out[0] = 1;
    out[1] = (byte) sd.rmControl();
    put16(out, 2, sd.control());
    int p = HEADER;
    if (sacl != null) {
      put32(out, 12, p);
      p = encodeAcl(sacl, out, p);
    }
    if (dacl != null) {
      put32(out, 16, p);
      p = encodeAcl(dacl, out, p);
    }
    if (sd.owner() != null) {
      put32(out, 4, p);
      p = sd.owner().writeTo(out, p);
    }
    if (sd.group() != null) {
      put32(out, 8, p);
      sd.group().writeTo(out, p);
    }
    return out;
  }

  private static int aclLength(Acl acl) {
    int n = acl.binaryLength();
    if (n > Acl.MAX_SIZE) {
      throw new IllegalArgumentException("ACL of " + n + " bytes exceeds the 65535-byte limit of AclSize");
    }
    return n;
  }

  /** Encodes one ACL on its own. */
  public static byte[] encodeAcl(Acl acl) {
    byte[] out = new byte[aclLength(acl)];
    encodeAcl(acl, out, 0);
    return out;
  }

  static int encodeAcl(Acl acl, byte[] out, int p) {
    int size = aclLength(acl);
    out[p] = (byte) acl.revision();
    put16(out, p + 2, size);
    put16(out, p + 4, acl.size());
    int q = p + 8;
    for (Ace a : acl.aces()) {
      q = encodeAce(a, out, q);
    }
    return p + size;
  }

  private static int encodeAce(Ace a, byte[] out, int p) {
    int size = a.binaryLength();
    out[p] = (byte) a.typeCode();
    out[p + 1] = (byte) a.flags();
    put16(out, p + 2, size);
    int q = p + 4;
    if (a.isOpaque()) {
      byte[] body = a.opaqueBodyUnsafe();
      System.arraycopy(body, 0, out, q, body.length);
      return p + size;
    }
    put32(out, q, a.mask());
    q += 4;
    if (a.type().isObject()) {
      int f = (a.objectType() != null ? Ace.OBJECT_TYPE_PRESENT : 0)
          | (a.inheritedObjectType() != null ? Ace.INHERITED_OBJECT_TYPE_PRESENT : 0);
      put32(out, q, f);
      q += 4;
      if (a.objectType() != null) {
        putGuid(out, q, a.objectType());
        q += 16;
      }
      if (a.inheritedObjectType() != null) {
        putGuid(out, q, a.inheritedObjectType());
        q += 16;
      }
    }
    q = a.sid().writeTo(out, q);
    byte[] data = a.applicationDataUnsafe();
    System.arraycopy(data, 0, out, q, data.length);
    return p + size;
  }

  /** Reads a GUID in its wire form: Data1..Data3 little-endian, Data4 as bytes. */
  static UUID guid(byte[] b, int p) {
    long d1 = u32(b, p);
    long d2 = u16(b, p + 4);
    long d3 = u16(b, p + 6);
    long msb = (d1 << 32) | (d2 << 16) | d3;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      lsb = (lsb << 8) | (b[p + 8 + i] & 0xFF);
    }
    return new UUID(msb, lsb);
  }

  static void putGuid(byte[] out, int p, UUID g) {
    long msb = g.getMostSignificantBits();
    put32(out, p, (int) (msb >>> 32));
    put16(out, p + 4, (int) (msb >>> 16));
    put16(out, p + 6, (int) msb);
    long lsb = g.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      out[p + 8 + i] = (byte) (lsb >>> (8 * (7 - i)));
    }
  }

  private static byte[] slice(byte[] b, int from, int to) {
    byte[] r = new byte[to - from];
    System.arraycopy(b, from, r, 0, r.length);
    return r;
  }

  static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  static long u32(byte[] b, int p) {
    return ((b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24);
  }

  static void put16(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
  }

  static void put32(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
  }
}
