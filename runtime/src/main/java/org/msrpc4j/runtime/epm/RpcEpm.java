package org.msrpc4j.runtime.epm;

import org.msrpc4j.runtime.InterfaceId;

/** The endpoint mapper interface (C706 appendix O, [MS-RPCE] 2.2.1.2): e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0. */
public final class RpcEpm {
  private RpcEpm() {}

  public static final InterfaceId INTERFACE = InterfaceId.of("e1af8308-5d1f-11c9-91a4-08002b14a0fa", 3, 0);
  /** The well-known endpoint mapper port. */
  public static final int PORT = 135;

  public static final int EPT_INSERT = 0;
  public static final int EPT_DELETE = 1;
  public static final int EPT_LOOKUP = 2;
  public static final int EPT_MAP = 3;
  public static final int EPT_LOOKUP_HANDLE_FREE = 4;

  // inquiry_type
  public static final int RPC_C_EP_ALL_ELTS = 0;
  public static final int RPC_C_EP_MATCH_BY_IF = 1;
  public static final int RPC_C_EP_MATCH_BY_OBJ = 2;
  public static final int RPC_C_EP_MATCH_BY_BOTH = 3;

  // vers_option
  public static final int RPC_C_VERS_ALL = 1;
  public static final int RPC_C_VERS_COMPATIBLE = 2;
  public static final int RPC_C_VERS_EXACT = 3;
  public static final int RPC_C_VERS_MAJOR_ONLY = 4;
  public static final int RPC_C_VERS_UPTO = 5;

  /** "No more entries" / "not registered" as the endpoint mapper returns it (DCE form). */
  public static final int EPT_S_NOT_REGISTERED = 0x16C9A0D6;
  /** Maximum annotation length including the terminator. */
  public static final int MAX_ANNOTATION = 64;
}
