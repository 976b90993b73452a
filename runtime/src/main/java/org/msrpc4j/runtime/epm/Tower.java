package org.msrpc4j.runtime.epm;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.SyntaxId;
import org.msrpc4j.runtime.Uuids;

/**
 * A protocol tower (C706 appendix L, [MS-RPCE] 2.2.1.2.2): floors of (lhs, rhs) octet strings.
 * Floor 1 is the interface, floor 2 the transfer syntax, floor 3 the RPC protocol, then the
 * transport floors (TCP port big-endian, IPv4 address; or pipe and host names).
 *
 * <p>Parsing is bounded and never throws anything but {@link IllegalArgumentException} with a
 * message. Immutable.
 */
public record Tower(List<Floor> floors) {
  public static final int PROTO_UUID = 0x0d;
  public static final int PROTO_NCACN = 0x0b;
  public static final int PROTO_NCADG = 0x0a;
  public static final int PROTO_NCALRPC = 0x0c;
  public static final int PROTO_TCP = 0x07;
  public static final int PROTO_UDP = 0x08;
  public static final int PROTO_IP = 0x09;
  public static final int PROTO_SMB = 0x0f;
  public static final int PROTO_NAMED_PIPE = 0x10;
  public static final int PROTO_NETBIOS = 0x11;
  public static final int PROTO_HTTP = 0x1f;
  public static final int PROTO_LRPC_NAME = 0x20;

  /** The largest tower we accept (Samba's IDL ranges tower_length to 2000). */
  public static final int MAX_LENGTH = 2000;

  /** One floor. Arrays are not copied; treat as immutable. */
  public record Floor(byte[] lhs, byte[] rhs) {
    int protocol() {
      return lhs.length == 0 ? -1 : lhs[0] & 0xFF;
    }
  }

  public Tower {
    floors = List.copyOf(floors);
  }

  /** The tower for an interface served over ncacn_ip_tcp at {@code address}:{@code port}. */
  public static Tower tcp(InterfaceId iface, SyntaxId transfer, int port, byte[] ipv4) {
    List<Floor> f = new ArrayList<>();
    f.add(uuidFloor(iface.uuid(), iface.major(), iface.minor()));
    f.add(uuidFloor(transfer.uuid(), transfer.major(), transfer.minor()));
    f.add(new Floor(new byte[] {PROTO_NCACN}, new byte[] {0, 0}));
    f.add(new Floor(new byte[] {PROTO_TCP}, new byte[] {(byte) (port >>> 8), (byte) port}));
    f.add(new Floor(new byte[] {PROTO_IP}, ipv4.clone()));
    return new Tower(f);
  }

  private static Floor uuidFloor(java.util.UUID uuid, int major, int minor) {
    byte[] lhs = new byte[19];
    lhs[0] = PROTO_UUID;
    Uuids.put(lhs, 1, uuid);
    lhs[17] = (byte) major;
    lhs[18] = (byte) (major >>> 8);
    return new Floor(lhs, new byte[] {(byte) minor, (byte) (minor >>> 8)});
  }

  /** Parses tower_octet_string. */
  public static Tower parse(byte[] b) {
    if (b.length < 2 || b.length > MAX_LENGTH) {
      throw new IllegalArgumentException("tower of " + b.length + " bytes");
    }
    int n = u16(b, 0);
    if (n > 16) {
      throw new IllegalArgumentException("tower with " + n + " floors");
    }
    int p = 2;
    List<Floor> floors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] lhs = part(b, p);
      p += 2 + lhs.length;
      byte[] rhs = part(b, p);
      p += 2 + rhs.length;
      floors.add(new Floor(lhs, rhs));
    }
    return new Tower(floors);
  }

  private static byte[] part(byte[] b, int p) {
    if (p + 2 > b.length) {
      throw new IllegalArgumentException("truncated tower floor");
    }
    int len = u16(b, p);
    if (p + 2 + len > b.length) {
      throw new IllegalArgumentException("tower floor overruns the tower");
    }
    byte[] out = new byte[len];
    System.arraycopy(b, p + 2, out, 0, len);
    return out;
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  /** tower_octet_string. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(floors.size());
    out.write(floors.size() >>> 8);
    for (Floor f : floors) {
      out.write(f.lhs.length);
      out.write(f.lhs.length >>> 8);
      out.writeBytes(f.lhs);
      out.write(f.rhs.length);
      out.write(f.rhs.length >>> 8);
      out.writeBytes(f.rhs);
    }
    return out.toByteArray();
  }

  /** The interface of floor 1, if it is a UUID floor. */
  public Optional<InterfaceId> iface() {
    return syntaxFloor(0).map(InterfaceId::of);
  }

  /** The transfer syntax of floor 2, if present. */
  public Optional<SyntaxId> transferSyntax() {
    return syntaxFloor(1);
  }

  private Optional<SyntaxId> syntaxFloor(int i) {
    if (floors.size() <= i) {
      return Optional.empty();
    }
    Floor f = floors.get(i);
    if (f.protocol() != PROTO_UUID || f.lhs.length != 19 || f.rhs.length < 2) {
      return Optional.empty();
    }
    return Optional.of(new SyntaxId(Uuids.get(f.lhs, 1), u16(f.lhs, 17), u16(f.rhs, 0)));
  }

  /** The protocol id of floor {@code i} (0-based), or -1. */
  public int protocol(int i) {
    return floors.size() > i ? floors.get(i).protocol() : -1;
  }

  /** The TCP port of an ncacn_ip_tcp tower. */
  public Optional<Integer> tcpPort() {
    if (protocol(2) != PROTO_NCACN || protocol(3) != PROTO_TCP || floors.get(3).rhs.length != 2) {
      return Optional.empty();
    }
    byte[] r = floors.get(3).rhs;
    return Optional.of((r[0] & 0xFF) << 8 | (r[1] & 0xFF));
  }

  /** The string binding the tower describes (no object UUID), e.g. {@code ncacn_ip_tcp:10.0.0.1[49152]}. */
  public String toStringBinding() {
    int p3 = protocol(2);
    int p4 = protocol(3);
    String addr = floors.size() > 4 ? address(floors.get(4)) : "";
    String ep = floors.size() > 3 ? endpoint(floors.get(3)) : "";
    if (p3 == PROTO_NCACN && p4 == PROTO_TCP) {
      return "ncacn_ip_tcp:" + addr + "[" + ep + "]";
    } else if (p3 == PROTO_NCACN && p4 == PROTO_SMB) {
      return "ncacn_np:" + addr + "[" + ep + "]";
    } else if (p3 == PROTO_NCACN && p4 == PROTO_HTTP) {
      return "ncacn_http:" + addr + "[" + ep + "]";
    } else if (p3 == PROTO_NCADG && p4 == PROTO_UDP) {
      return "ncadg_ip_udp:" + addr + "[" + ep + "]";
    } else if (p3 == PROTO_NCALRPC) {
      return "ncalrpc:[" + ep + "]";
    }
    return "unknown protocol " + p3 + "/" + p4;
  }

  private static String endpoint(Floor f) {
    int p = f.protocol();
    if ((p == PROTO_TCP || p == PROTO_UDP || p == PROTO_HTTP) && f.rhs.length == 2) {
      return Integer.toString((f.rhs[0] & 0xFF) << 8 | (f.rhs[1] & 0xFF));
    }
    return cString(f.rhs);
  }

  private static String address(Floor f) {
    if (f.protocol() == PROTO_IP && f.rhs.length == 4) {
      try {
        return ((Inet4Address) InetAddress.getByAddress(f.rhs)).getHostAddress();
      } catch (UnknownHostException e) {
        return "?";
      }
    }
    return cString(f.rhs);
  }

  private static String cString(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.US_ASCII);
  }
}
