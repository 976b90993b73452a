package org.msrpc4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;
import org.msrpc4j.runtime.InterfaceId;

/**
 * Hand-written NDR 2.0 marshalling of the identity interface (interfaces/src/main/idl/
 * msrpc4j_identity.idl), both sides, until the IDL compiler's generated stubs replace it. Stateless;
 * thread-safe.
 */
final class WhoamiCommandWire {
  private WhoamiCommandWire() {}

  /** msrpc4j_identity v1.0. */
  static final InterfaceId INTERFACE = InterfaceId.of("8c0d1e44-5a3b-4f2e-9d61-7b0e2c4a9f10", 1, 0);
  /** WhoAmI. */
  static final int OPNUM_WHOAMI = 0;

  /** IDENTITY_SID. */
  record IdentitySid(String sid, String name, long attributes) {}

  /** IDENTITY_INFO; strings may be null (NULL pointers). */
  record IdentityInfo(String clientPrincipal, String serverPrincipal, long authnLevel, long authnService,
      long authzService, long impersonationStatus, String impersonatedUser, IdentitySid user, List<IdentitySid> groups) {}

  /** The response stub: IDENTITY_INFO (top-level [ref]) then the long result. */
  static byte[] encodeResponse(IdentityInfo info, int result) throws NdrException {
    NdrEncoder e = new NdrEncoder();
    e.writeTopLevel(info, WhoamiCommandWire::writeInfo);
    e.writeInt32(result);
    return e.toByteArray();
  }

  private static void writeInfo(NdrEncoder e, IdentityInfo i) throws NdrException {
    e.align(4);
    writeString(e, i.clientPrincipal());
    writeString(e, i.serverPrincipal());
    e.writeInt32((int) i.authnLevel());
    e.writeInt32((int) i.authnService());
    e.writeInt32((int) i.authzService());
    e.writeInt32((int) i.impersonationStatus());
    writeString(e, i.impersonatedUser());
    writeSid(e, i.user());
    e.writeInt32(i.groups().size());
    e.writeUniquePointer(i.groups(), (enc, list) -> {
      enc.writeConformance(list.size());
      for (IdentitySid s : list) {
        writeSid(enc, s);
      }
    });
  }

  private static void writeSid(NdrEncoder e, IdentitySid s) throws NdrException {
    e.align(4);
    writeString(e, s == null ? null : s.sid());
    writeString(e, s == null ? null : s.name());
    e.writeInt32(s == null ? 0 : (int) s.attributes());
  }

  private static void writeString(NdrEncoder e, String s) throws NdrException {
    e.writeUniquePointer(s, NdrEncoder::writeConformantVaryingWString);
  }

  /** The decoded response. */
  record Response(IdentityInfo info, int result) {}

  /** Decodes the response stub; NdrException for anything malformed. */
  static Response decodeResponse(byte[] stub) throws NdrException {
    NdrDecoder d = new NdrDecoder(stub);
    // Pointer referents are filled in when the top-level value completes: build after that.
    IdentityInfo info = d.readTopLevel(WhoamiCommandWire::readInfo).build();
    int result = d.readInt32();
    return new Response(info, result);
  }

  /** Mutable holder: pointer referents arrive after the scalars. */
  private static final class Holder {
    String client;
    String server;
    String impersonated;
    SidHolder user = new SidHolder();
    List<SidHolder> groups = List.of();
    long level;
    long service;
    long authz;
    long impStatus;
    long groupCount;

    IdentityInfo build() throws NdrException {
      List<IdentitySid> g = new ArrayList<>();
      for (SidHolder h : groups) {
        g.add(h.build());
      }
      if (g.size() != groupCount) {
        throw new NdrException("group_count " + groupCount + " does not match the array (" + g.size() + ")");
      }
      return new IdentityInfo(client, server, level, service, authz, impStatus, impersonated, user.build(), g);
    }
  }

  private static final class SidHolder {
    String sid;
    String name;
    long attributes;

    IdentitySid build() {
      return new IdentitySid(sid, name, attributes);
    }
  }

  private static Holder readInfo(NdrDecoder d) throws NdrException {
    Holder h = new Holder();
    d.align(4);
    d.readUniquePointer(NdrDecoder::readConformantVaryingWString, s -> h.client = s);
    d.readUniquePointer(NdrDecoder::readConformantVaryingWString, s -> h.server = s);
    h.level = d.readUInt32();
    h.service = d.readUInt32();
    h.authz = d.readUInt32();
    h.impStatus = d.readUInt32();
    d.readUniquePointer(NdrDecoder::readConformantVaryingWString, s -> h.impersonated = s);
    readSid(d, h.user);
    h.groupCount = d.readUInt32();
    d.readUniquePointer(dec -> {
      List<SidHolder> groups = new ArrayList<>();
      long n = dec.readConformance();
      int count = dec.checkCount(n, 12);
      for (int i = 0; i < count; i++) {
        SidHolder s = new SidHolder();
        readSid(dec, s);
        groups.add(s);
      }
      return groups;
    }, list -> h.groups = list);
    return h;
  }

  private static void readSid(NdrDecoder d, SidHolder s) throws NdrException {
    d.align(4);
    d.readUniquePointer(NdrDecoder::readConformantVaryingWString, v -> s.sid = v);
    d.readUniquePointer(NdrDecoder::readConformantVaryingWString, v -> s.name = v);
    s.attributes = d.readUInt32();
  }
}
