package org.msrpc4j.security.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.msrpc4j.security.SecurityContextException;

/**
 * An AV_PAIR list ([MS-NLMP] 2.2.2.1): the TargetInfo of a CHALLENGE and the client's copy inside
 * the NTLMv2 response. Keeps the pairs in order, without the terminating MsvAvEOL. Immutable;
 * thread-safe.
 */
public final class AvPairs {
  public static final int EOL = 0;
  public static final int NB_COMPUTER_NAME = 1;
  public static final int NB_DOMAIN_NAME = 2;
  public static final int DNS_COMPUTER_NAME = 3;
  public static final int DNS_DOMAIN_NAME = 4;
  public static final int DNS_TREE_NAME = 5;
  public static final int FLAGS = 6;
  public static final int TIMESTAMP = 7;
  public static final int SINGLE_HOST = 8;
  public static final int TARGET_NAME = 9;
  public static final int CHANNEL_BINDINGS = 10;

  /** More pairs than any real peer sends; bounds the work a hostile list can cause. */
  private static final int MAX_PAIRS = 64;

  /** One pair; the value is copied in and out. */
  public record AvPair(int id, byte[] value) {
    /** Copies the value. */
    public AvPair {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AvPair p && p.id == id && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
      return id * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "AvPair[" + id + ", " + value.length + " bytes]";
    }
  }

  private final List<AvPair> pairs;

  private AvPairs(List<AvPair> pairs) {
    this.pairs = List.copyOf(pairs);
  }

  /** An empty list. */
  public static AvPairs empty() {
    return new AvPairs(List.of());
  }

  /**
   * Parses a list that must end with MsvAvEOL; bytes after the EOL are ignored (the NTLMv2 blob
   * adds four zero bytes).
   */
  public static AvPairs parse(byte[] data) throws SecurityContextException {
    List<AvPair> list = new ArrayList<>();
    int off = 0;
    while (true) {
      if (data.length - off < 4) {
        throw NtlmReader.invalid("AV_PAIR list is not terminated by MsvAvEOL");
      }
      int id = (data[off] & 0xff) | (data[off + 1] & 0xff) << 8;
      int len = (data[off + 2] & 0xff) | (data[off + 3] & 0xff) << 8;
      off += 4;
      if (len > data.length - off) {
        throw NtlmReader.invalid("AV_PAIR " + id + " is longer than the list");
      }
      if (id == EOL) {
        return new AvPairs(list);
      }
      if (list.size() >= MAX_PAIRS) {
        throw NtlmReader.invalid("AV_PAIR list has more than " + MAX_PAIRS + " pairs");
      }
      list.add(new AvPair(id, Arrays.copyOfRange(data, off, off + len)));
      off += len;
    }
  }

  /** The pairs in order (without EOL). */
  public List<AvPair> pairs() {
    return pairs;
  }

  /** The value of the first pair with this id. */
  public Optional<byte[]> find(int id) {
    return pairs.stream().filter(p -> p.id() == id).findFirst().map(AvPair::value);
  }

  /** The first pair with this id as a UTF-16LE string. */
  public Optional<String> findString(int id) {
    return find(id).map(b -> new String(b, StandardCharsets.UTF_16LE));
  }

  /** MsvAvFlags, or 0 when absent or malformed. */
  public int flags() {
    return find(FLAGS).filter(b -> b.length == 4).map(AvPairs::le32).orElse(0);
  }

  /** MsvAvTimestamp as a FILETIME, when present and 8 bytes long. */
  public Optional<Long> timestamp() {
    return find(TIMESTAMP).filter(b -> b.length == 8).map(AvPairs::le64);
  }

  /** A copy with the first pair of this id replaced, or the pair appended when absent. */
  public AvPairs with(int id, byte[] value) {
    List<AvPair> list = new ArrayList<>(pairs);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id() == id) {
        list.set(i, new AvPair(id, value));
        return new AvPairs(list);
      }
    }
    list.add(new AvPair(id, value));
    return new AvPairs(list);
  }

  /** A copy with a string pair (UTF-16LE, no terminator). */
  public AvPairs withString(int id, String value) {
    return with(id, value.getBytes(StandardCharsets.UTF_16LE));
  }

  /** The wire form, ending with MsvAvEOL. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (AvPair p : pairs) {
      byte[] v = p.value();
      out.write(p.id());
      out.write(p.id() >>> 8);
      out.write(v.length);
      out.write(v.length >>> 8);
      out.writeBytes(v);
    }
    out.writeBytes(new byte[4]);
    return out.toByteArray();
  }

  static int le32(byte[] b) {
    return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
  }

  static byte[] le32(int v) {
    return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
  }

  static long le64(byte[] b) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (b[i] & 0xff);
    }
    return v;
  }

  static byte[] le64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (8 * i));
    }
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvPairs a && a.pairs.equals(pairs);
  }

  @Override
  public int hashCode() {
    return pairs.hashCode();
  }

  @Override
  public String toString() {
    return "AvPairs" + pairs;
  }
}
