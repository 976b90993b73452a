package org.msrpc4j.runtime.echo;

import org.msrpc4j.runtime.InterfaceId;

/**
 * The rpcecho test interface Samba uses (librpc/idl/echo.idl): UUID
 * 60a15ec5-4de8-11d7-a637-005056a20182 version 1.0, opnums 0–9.
 *
 * @deprecated Hand-written marshalling kept only until the last users outside module interfaces
 *     (kerberos and fuzz tests) move; use {@code org.msrpc4j.interfaces.echo.Rpcecho} (module msrpc4j-interfaces, generated from
 *     rpcecho.idl).
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class RpcEcho {
  private RpcEcho() {}

  public static final InterfaceId INTERFACE = InterfaceId.of("60a15ec5-4de8-11d7-a637-005056a20182", 1, 0);

  public static final int ADD_ONE = 0;
  public static final int ECHO_DATA = 1;
  public static final int SINK_DATA = 2;
  public static final int SOURCE_DATA = 3;
  public static final int TEST_CALL = 4;
  public static final int TEST_CALL2 = 5;
  public static final int TEST_SLEEP = 6;
  public static final int TEST_ENUM = 7;
  public static final int TEST_SURROUNDING = 8;
  public static final int TEST_DOUBLE_POINTER = 9;

  /** NT_STATUS_INVALID_LEVEL, what Samba's TestCall2 returns for levels other than 1..7. */
  public static final int NT_STATUS_INVALID_LEVEL = 0xC0000148;
}
