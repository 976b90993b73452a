package org.msrpc4j.authz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A resource attribute (claim) as carried by a SYSTEM_RESOURCE_ATTRIBUTE_ACE: the
 * CLAIM_SECURITY_ATTRIBUTE_RELATIVE_V1 structure of [MS-DTYP] 2.4.10.1.
 *
 * <p>Immutable and thread-safe. Values are {@code Long} for INT64, UINT64 and BOOLEAN (unsigned
 * values in two's complement), {@code String} for STRING, {@code Sid} for SID and {@code byte[]} for
 * OCTET_STRING.
 *
 * <p>Binary layout written here: the 16-byte header, the value offsets, the name (UTF-16LE with
 * its terminating NUL), then the values in order. Readers follow the offsets, so any layout decodes;
 * the exact layout Windows writes has not been compared byte for byte.
 */
public final class ClaimAttribute {
  public static final int TYPE_INT64 = 0x1;
  public static final int TYPE_UINT64 = 0x2;
  public static final int TYPE_STRING = 0x3;
  public static final int TYPE_SID = 0x5;
  public static final int TYPE_BOOLEAN = 0x6;
  public static final int TYPE_OCTET_STRING = 0x10;

  /** Bound on values per attribute, so a hostile count cannot drive allocation. */
  static final int MAX_VALUES = 4096;

  private final String name;
  private final int valueType;
  private final int flags;
  private final List<Object> values;

  /**
   * @throws IllegalArgumentException for an unknown value type or a value of the wrong class
   */
  public ClaimAttribute(String name, int valueType, int flags, List<?> values) {
    this.name = Objects.requireNonNull(name, "name");
    this.valueType = valueType;
    this.flags = flags;
    List<Object> copy = new ArrayList<>();
    for (Object v : values) {
      Class<?> expected = switch (valueType) {
        case TYPE_INT64, TYPE_UINT64, TYPE_BOOLEAN -> Long.class;
        case TYPE_STRING -> String.class;
        case TYPE_SID -> Sid.class;
        case TYPE_OCTET_STRING -> byte[].class;
        default -> throw new IllegalArgumentException("unknown claim value type 0x" + Integer.toHexString(valueType));
      };
      if (!expected.isInstance(v)) {
        throw new IllegalArgumentException("claim value " + v + " is not a " + expected.getSimpleName());
      }
      copy.add(v instanceof byte[] b ? b.clone() : v);
    }
    this.values = List.copyOf(copy);
  }

  public String name() {
    return name;
  }

  public int valueType() {
    return valueType;
  }

  public int flags() {
    return flags;
  }

  /** The values (unmodifiable; byte arrays are copies). */
  public List<Object> values() {
    List<Object> out = new ArrayList<>();
    for (Object v : values) {
      out.add(v instanceof byte[] b ? b.clone() : v);
    }
    return out;
  }

  List<Object> valuesUnsafe() {
    return values;
  }

  /** Encodes the relative form. */
  public byte[] toBytes() {
    byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_16LE);
    List<byte[]> encoded = new ArrayList<>();
    for (Object v : values) {
      encoded.add(switch (valueType) {
        case TYPE_INT64, TYPE_UINT64, TYPE_BOOLEAN -> le64((Long) v);
        case TYPE_STRING -> (v + "\0").getBytes(StandardCharsets.UTF_16LE);
        case TYPE_SID -> octets(((Sid) v).toBytes());
        default -> octets((byte[]) v);
      });
    }
    int len = 16 + 4 * values.size() + nameBytes.length;
    for (byte[] e : encoded) {
      len += e.length;
    }
    byte[] out = new byte[len];
    int p = 16 + 4 * values.size();
    SecurityDescriptorBinary.put32(out, 0, p);
    SecurityDescriptorBinary.put16(out, 4, valueType);
    SecurityDescriptorBinary.put32(out, 8, flags);
    SecurityDescriptorBinary.put32(out, 12, values.size());
    System.arraycopy(nameBytes, 0, out, p, nameBytes.length);
    p += nameBytes.length;
    for (int i = 0; i < encoded.size(); i++) {
      SecurityDescriptorBinary.put32(out, 16 + 4 * i, p);
      byte[] e = encoded.get(i);
      System.arraycopy(e, 0, out, p, e.length);
      p += e.length;
    }
    return out;
  }

  /** Decodes the relative form; every offset and length is checked. */
  public static ClaimAttribute fromBytes(byte[] b) throws SecurityFormatException {
    if (b.length < 16) {
      throw new SecurityFormatException(0, "claim attribute truncated: needs 16 bytes");
    }
    int type = SecurityDescriptorBinary.u16(b, 4);
    int flags = (int) SecurityDescriptorBinary.u32(b, 8);
    long count = SecurityDescriptorBinary.u32(b, 12);
    if (count > MAX_VALUES || 16 + 4 * count > b.length) {
      throw new SecurityFormatException(12, "claim ValueCount " + count + " does not fit");
    }
    String name = utf16z(b, SecurityDescriptorBinary.u32(b, 0), 0);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long off = SecurityDescriptorBinary.u32(b, 16 + 4 * i);
      int at = 16 + 4 * i;
      values.add(switch (type) {
        case TYPE_INT64, TYPE_UINT64, TYPE_BOOLEAN -> {
          check(b, off, 8, at);
          yield (SecurityDescriptorBinary.u32(b, (int) off) & 0xFFFF_FFFFL)
              | (SecurityDescriptorBinary.u32(b, (int) off + 4) << 32);
        }
        case TYPE_STRING -> utf16z(b, off, at);
        case TYPE_SID -> {
          byte[] o = octetString(b, off, at);
          Sid sid = Sid.fromBytes(o, 0);
          if (sid.binaryLength() != o.length) {
            throw new SecurityFormatException(at, "claim SID value has trailing bytes");
          }
          yield sid;
        }
        case TYPE_OCTET_STRING -> octetString(b, off, at);
        default -> throw new SecurityFormatException(4, "unknown claim value type 0x" + Integer.toHexString(type));
      });
    }
    return new ClaimAttribute(name, type, flags, values);
  }

  private static void check(byte[] b, long off, long len, int at) throws SecurityFormatException {
    if (off < 16 || off + len > b.length) {
      throw new SecurityFormatException(at, "claim offset " + off + " lies outside the " + b.length + "-byte attribute");
    }
  }

  private static String utf16z(byte[] b, long off, int at) throws SecurityFormatException {
    check(b, off, 2, at);
    int p = (int) off;
    while (p + 1 < b.length && (b[p] != 0 || b[p + 1] != 0)) {
      p += 2;
    }
    if (p + 1 >= b.length) {
      throw new SecurityFormatException(at, "claim string is not NUL-terminated");
    }
    return new String(b, (int) off, p - (int) off, StandardCharsets.UTF_16LE);
  }

  private static byte[] octetString(byte[] b, long off, int at) throws SecurityFormatException {
    check(b, off, 4, at);
    long len = SecurityDescriptorBinary.u32(b, (int) off);
    check(b, off + 4, len, at);
    return Arrays.copyOfRange(b, (int) off + 4, (int) (off + 4 + len));
  }

  private static byte[] le64(long v) {
    byte[] o = new byte[8];
    SecurityDescriptorBinary.put32(o, 0, (int) v);
    SecurityDescriptorBinary.put32(o, 4, (int) (v >>> 32));
    return o;
  }

  private static byte[] octets(byte[] v) {
    byte[] o = new byte[4 + v.length];
    SecurityDescriptorBinary.put32(o, 0, v.length);
    System.arraycopy(v, 0, o, 4, v.length);
    return o;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ClaimAttribute c) || valueType != c.valueType || flags != c.flags || !name.equals(c.name)
        || values.size() != c.values.size()) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!Objects.deepEquals(values.get(i), c.values.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, valueType, flags, values.size());
  }

  @Override
  public String toString() {
    return "ClaimAttribute[" + ClaimAttributeSddl.format(this) + "]";
  }
}
