package org.msrpc4j.cli.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.msrpc4j.interfaces.echo.Rpcecho;
import org.msrpc4j.interfaces.echo.RpcechoClient;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcClientChannel;
import org.msrpc4j.runtime.mgmt.RpcMgmt;

/**
 * One operation of {@code --op}: how to start it through the generated rpcecho stub (or the
 * management interface) and how to tell a right answer from a wrong one. Immutable and
 * thread-safe: the payload array is shared by every call and never written after construction.
 *
 * @param kind which call
 * @param size the payload size in bytes (0 for addone and mgmt)
 * @param label the operation as given on the command line, lower case (reported as is)
 * @param payload the bytes echodata and sinkdata send and sourcedata expects (never written)
 */
record BenchOperation(Kind kind, int size, String label, byte[] payload) {
  /** The operations. */
  enum Kind { ADDONE, ECHODATA, SINKDATA, SOURCEDATA, MGMT }

  private static final byte[] EMPTY = new byte[0];

  /**
   * Parses {@code addone}, {@code mgmt}, {@code echodata:SIZE}, {@code sinkdata:SIZE} or
   * {@code sourcedata:SIZE}.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static BenchOperation parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    Kind kind = switch (name) {
      case "addone" -> Kind.ADDONE;
      case "echodata" -> Kind.ECHODATA;
      case "sinkdata" -> Kind.SINKDATA;
      case "sourcedata" -> Kind.SOURCEDATA;
      case "mgmt" -> Kind.MGMT;
      default -> throw new IllegalArgumentException("unknown operation '" + text
          + "' (addone, echodata:SIZE, sinkdata:SIZE, sourcedata:SIZE, mgmt)");
    };
    boolean sized = kind == Kind.ECHODATA || kind == Kind.SINKDATA || kind == Kind.SOURCEDATA;
    if (sized != (colon >= 0)) {
      throw new IllegalArgumentException(sized ? name + " needs a size: " + name + ":SIZE (e.g. " + name + ":1024)"
          : name + " takes no size");
    }
    int size = sized ? BenchSize.parse(s.substring(colon + 1)) : 0;
    // Sent by echodata and sinkdata, expected back from sourcedata (Samba's 0, 1, 2, ... mod 256).
    byte[] payload = sized ? pattern(size) : EMPTY;
    return new BenchOperation(kind, size, s, payload);
  }

  /** The interface the calls go to (the connection is bound to it before the measurement). */
  InterfaceId iface() {
    return kind == Kind.MGMT ? RpcMgmt.INTERFACE : Rpcecho.INTERFACE_ID;
  }

  /**
   * Stub data bytes one call moves, both directions together: the data of echodata twice, of
   * sinkdata and sourcedata once, the two 4-byte integers of addone and the 8-byte answer of mgmt.
   */
  long bytesPerCall() {
    return switch (kind) {
      case ADDONE, MGMT -> 8;
      case ECHODATA -> 2L * size;
      case SINKDATA, SOURCEDATA -> size;
    };
  }

  /**
   * Starts one call. {@code seq} varies the input of addone so that its answer can be checked.
   *
   * @param echo the rpcecho stub on {@code channel}
   */
  CompletableFuture<?> start(RpcechoClient echo, RpcClientChannel channel, int seq) {
    return switch (kind) {
      case ADDONE -> echo.echoAddOneAsync(seq);
      case ECHODATA -> echo.echoEchoDataAsync(payload.length, payload);
      case SINKDATA -> echo.echoSinkDataAsync(payload.length, payload);
      case SOURCEDATA -> echo.echoSourceDataAsync(size);
      case MGMT -> channel.callAsync(RpcMgmt.INTERFACE, RpcMgmt.IS_SERVER_LISTENING, EMPTY);
    };
  }

  /**
   * Checks the answer of the call started with {@code seq}.
   *
   * @return null when right, else what is wrong
   */
  String check(Object result, int seq) {
    return switch (kind) {
      case ADDONE -> {
        int got = ((Rpcecho.EchoAddOneResult) result).outData();
        yield got == seq + 1 ? null : "wrong answer: AddOne(" + Integer.toUnsignedString(seq) + ") returned "
            + Integer.toUnsignedString(got);
      }
      case ECHODATA -> Arrays.equals(payload, ((Rpcecho.EchoEchoDataResult) result).outData()) ? null
          : "wrong answer: EchoData returned different bytes";
      case SINKDATA -> null;
      case SOURCEDATA -> {
        byte[] data = ((Rpcecho.EchoSourceDataResult) result).data();
        yield Arrays.equals(payload, data) ? null : "wrong answer: SourceData(" + size + ") returned "
            + (data.length == size ? "other bytes than 0, 1, 2, ..." : data.length + " bytes");
      }
      case MGMT -> checkListening((byte[]) result);
    };
  }

  /** is_server_listening answers [out] status then the boolean result, both little-endian uint32. */
  private static String checkListening(byte[] stub) {
    if (stub.length != 8) {
      return "wrong answer: is_server_listening returned " + stub.length + " bytes instead of 8";
    }
    int status = littleEndianInt(stub, 0);
    int listening = littleEndianInt(stub, 4);
    if (status != 0) {
      return "is_server_listening: status " + Integer.toUnsignedString(status);
    }
    return listening != 0 ? null : "wrong answer: is_server_listening says the server is not listening";
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  private static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }
}
