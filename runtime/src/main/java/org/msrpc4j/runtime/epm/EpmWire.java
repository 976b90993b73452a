package org.msrpc4j.runtime.epm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * NDR of the endpoint mapper's types, written by hand (twr_t, ept_entry_t's annotation), shared by
 * {@link EpmDispatcher} and {@link EpmClient}. Stateless.
 */
final class EpmWire {
  private EpmWire() {}

  /** twr_t: conformant struct {u32 tower_length; [size_is(tower_length)] byte tower_octet_string[]}. */
  static void writeTower(NdrEncoder e, Tower t) throws NdrException {
    byte[] b = t.encode();
    e.writeConformance(b.length);
    e.align(4);
    e.writeInt32(b.length);
    e.writeBytes(b);
  }

  static Tower readTower(NdrDecoder d) throws NdrException {
    long max = d.readConformance();
    d.align(4);
    long len = d.readUInt32();
    NdrDecoder.checkCorrelation(max, len, "size_is(tower_length)");
    NdrDecoder.checkRange(len, 0, Tower.MAX_LENGTH, "tower_length");
    byte[] b = d.readBytes(len);
    try {
      return Tower.parse(b);
    } catch (IllegalArgumentException ex) {
      throw new NdrException("bad tower: " + ex.getMessage());
    }
  }

  /** [string] char annotation[64]: a varying array (offset, actual count) with the terminator. */
  static void writeAnnotation(NdrEncoder e, String annotation) throws NdrException {
    byte[] b = annotation.getBytes(StandardCharsets.US_ASCII);
    int n = Math.min(b.length, RpcEpm.MAX_ANNOTATION - 1);
    e.writeVariance(0, n + 1);
    e.writeBytes(b, 0, n);
    e.writeInt8(0);
  }

  static String readAnnotation(NdrDecoder d) throws NdrException {
    long offset = d.readVarianceOffset();
    int n = d.readVarianceCount(RpcEpm.MAX_ANNOTATION, offset, 1);
    byte[] b = d.readBytes(n);
    int len = 0;
    while (len < b.length && b[len] != 0) {
      len++;
    }
    return new String(b, 0, len, StandardCharsets.US_ASCII);
  }

  /** [in, ptr] UUID *: a top-level full pointer. */
  static UUID readOptionalUuid(NdrDecoder d) throws NdrException {
    return d.readTopLevelFullPointer(UUID.class, NdrDecoder::readUuid);
  }
}
