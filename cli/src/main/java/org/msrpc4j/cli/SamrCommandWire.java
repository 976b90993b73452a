package org.msrpc4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.msrpc4j.ndr.NdrContextHandle;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;

/**
 * Hand-written NDR 2.0 marshalling of the [MS-SAMR] subset in interfaces/src/main/idl/samr.idl
 * (client side), until generated stubs replace it. Every decoder checks counts against the bytes
 * present; malformed input is an {@link NdrException}. Stateless; thread-safe.
 */
final class SamrCommandWire {
  private SamrCommandWire() {}

  static final InterfaceId INTERFACE = InterfaceId.of("12345778-1234-abcd-ef00-0123456789ac", 1, 0);
  static final int OP_CLOSE_HANDLE = 1;
  static final int OP_LOOKUP_DOMAIN = 5;
  static final int OP_ENUMERATE_DOMAINS = 6;
  static final int OP_OPEN_DOMAIN = 7;
  static final int OP_ENUMERATE_USERS = 13;
  static final int OP_CONNECT5 = 64;
  /** STATUS_MORE_ENTRIES: the enumeration goes on. */
  static final int STATUS_MORE_ENTRIES = 0x00000105;

  /** A handle plus the call's NTSTATUS. */
  record HandleResult(NdrContextHandle handle, int status) {}

  /** One SAMPR_RID_ENUMERATION. */
  record RidName(long rid, String name) {}

  /** An enumeration page: the resume context, the entries, the NTSTATUS. */
  record Page(long context, List<RidName> entries, int status) {}

  /** A SID (RPC_SID) and the NTSTATUS. */
  record SidResult(byte[] authority, long[] subAuthorities, int status) {}

  // ------------------------------------------------------------- SamrConnect5 (64)

  static byte[] connect5(String serverName, int desiredAccess) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeTopLevelUniquePointer(serverName, NdrEncoder::writeConformantVaryingWString);
    e.writeInt32(desiredAccess);
    e.writeInt32(1); // InVersion
    e.writeInt32(1); // union discriminant (switch_is(InVersion))
    e.writeInt32(3); // V1.Revision
    e.writeInt32(0); // V1.SupportedFeatures
    return e.toByteArray();
  }

  static HandleResult connect5Result(byte[] stub) throws NdrException {
    NdrDecoder d = new NdrDecoder(stub);
    long outVersion = d.readUInt32();
    long discriminant = d.readUInt32();
    NdrDecoder.checkCorrelation(discriminant, outVersion, "OutRevisionInfo switch");
    if (discriminant != 1) {
      throw new NdrException("unknown SAMPR_REVISION_INFO arm " + discriminant);
    }
    d.readUInt32(); // Revision
    d.readUInt32(); // SupportedFeatures
    NdrContextHandle h = d.readContextHandle();
    return new HandleResult(h, d.readInt32());
  }

  // ------------------------------------------------------------- SamrCloseHandle (1)

  static byte[] handleOnly(NdrContextHandle h) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeContextHandle(h);
    return e.toByteArray();
  }

  static HandleResult closeResult(byte[] stub) throws NdrException {
    NdrDecoder d = new NdrDecoder(stub);
    NdrContextHandle h = d.readContextHandle();
    return new HandleResult(h, d.readInt32());
  }

  // ------------------------------------------------------------- enumerations (6, 13)

  static byte[] enumerateDomains(NdrContextHandle server, long context, int maxLength) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeContextHandle(server);
    e.writeInt32((int) context);
    e.writeInt32(maxLength);
    return e.toByteArray();
  }

  static byte[] enumerateUsers(NdrContextHandle domain, long context, int accountControl, int maxLength)
      throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeContextHandle(domain);
    e.writeInt32((int) context);
    e.writeInt32(accountControl);
    e.writeInt32(maxLength);
    return e.toByteArray();
  }

  /** The output of SamrEnumerateDomainsInSamServer and SamrEnumerateUsersInDomain (same shape). */
  static Page enumerationResult(byte[] stub) throws NdrException {
    NdrDecoder d = new NdrDecoder(stub);
    long context = d.readUInt32();
    List<RidName> entries = new ArrayList<>();
    if (d.readUInt32() != 0) { // *Buffer
      long entriesRead = d.readUInt32();
      if (d.readUInt32() != 0) { // Buffer->Buffer
        long max = d.readConformance();
        NdrDecoder.checkCorrelation(max, entriesRead, "size_is(EntriesRead)");
        int n = d.checkCount(max, 12);
        long[] rids = new long[n];
        boolean[] hasName = new boolean[n];
        int[] lengths = new int[n];
        int[] maxLengths = new int[n];
        for (int i = 0; i < n; i++) {
          rids[i] = d.readUInt32();
          lengths[i] = d.readUInt16();
          maxLengths[i] = d.readUInt16();
          hasName[i] = d.readUInt32() != 0;
        }
        for (int i = 0; i < n; i++) {
          String name = "";
          if (hasName[i]) {
            long maxCount = d.readConformance();
            NdrDecoder.checkCorrelation(maxCount, maxLengths[i] / 2, "size_is(MaximumLength/2)");
            long offset = d.readVarianceOffset();
            int actual = d.readVarianceCount(maxCount, offset, 2);
            NdrDecoder.checkCorrelation(actual, lengths[i] / 2, "length_is(Length/2)");
            name = d.readWChars(actual);
          }
          entries.add(new RidName(rids[i], name));
        }
      } else if (entriesRead != 0) {
        throw new NdrException("EntriesRead " + entriesRead + " with a NULL buffer");
      }
    }
    d.readUInt32(); // CountReturned
    return new Page(context, entries, d.readInt32());
  }

  // ------------------------------------------------------------- SamrLookupDomainInSamServer (5)

  static byte[] lookupDomain(NdrContextHandle server, String name) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeContextHandle(server);
    int bytes = name.length() * 2;
    e.writeTopLevel(name, (enc, s) -> {
      enc.align(4);
      enc.writeInt16(bytes);
      enc.writeInt16(bytes);
      enc.writeUniquePointer(s, (en, v) -> {
        en.writeConformance(v.length());
        en.writeVariance(0, v.length());
        en.writeWChars(v);
      });
    });
    return e.toByteArray();
  }

  static SidResult lookupDomainResult(byte[] stub) throws NdrException {
    NdrDecoder d = new NdrDecoder(stub);
    byte[] authority = null;
    long[] subs = null;
    if (d.readUInt32() != 0) {
      long count = d.readConformance();
      int revision = d.readUInt8();
      int subCount = d.readUInt8();
      NdrDecoder.checkCorrelation(count, subCount, "size_is(SubAuthorityCount)");
      if (revision != 1 || subCount > 15) {
        throw new NdrException("not a SID (revision " + revision + ", " + subCount + " sub-authorities)");
      }
      authority = d.readBytes(6);
      subs = new long[subCount];
      for (int i = 0; i < subCount; i++) {
        subs[i] = d.readUInt32();
      }
    }
    return new SidResult(authority, subs, d.readInt32());
  }

  // ------------------------------------------------------------- SamrOpenDomain (7)

  static byte[] openDomain(NdrContextHandle server, int desiredAccess, byte[] authority, long[] subs) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeContextHandle(server);
    e.writeInt32(desiredAccess);
    // [in] PRPC_SID: a top-level ref pointer to a conformant struct; the conformance comes first.
    e.writeConformance(subs.length);
    e.writeInt8(1);
    e.writeInt8(subs.length);
    e.writeBytes(authority);
    for (long s : subs) {
      e.writeInt32((int) s);
    }
    return e.toByteArray();
  }

  static HandleResult openDomainResult(byte[] stub) throws NdrException {
    NdrDecoder d = new NdrDecoder(stub);
    NdrContextHandle h = d.readContextHandle();
    return new HandleResult(h, d.readInt32());
  }

  /** S-1-a-s1-s2-… */
  static String sidString(byte[] authority, long[] subs) {
    long a = 0;
    for (byte b : authority) {
      a = (a << 8) | (b & 0xFF);
    }
    StringBuilder sb = new StringBuilder("S-1-").append(a);
    for (long s : subs) {
      sb.append('-').append(s);
    }
    return sb.toString();
  }
}
