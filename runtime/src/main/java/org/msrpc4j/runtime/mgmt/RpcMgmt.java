package org.msrpc4j.runtime.mgmt;

import org.msrpc4j.runtime.InterfaceId;

/** The DCE remote management interface (C706 appendix Q, Samba mgmt.idl): afa8bd80-7d8a-11c9-bef4-08002b102989 v1.0. */
public final class RpcMgmt {
  private RpcMgmt() {}

  public static final InterfaceId INTERFACE = InterfaceId.of("afa8bd80-7d8a-11c9-bef4-08002b102989", 1, 0);

  public static final int INQ_IF_IDS = 0;
  public static final int INQ_STATS = 1;
  public static final int IS_SERVER_LISTENING = 2;
  public static final int STOP_SERVER_LISTENING = 3;
  public static final int INQ_PRINC_NAME = 4;

  /** Index of each counter in inq_stats' vector. */
  public static final int STATS_CALLS_IN = 0;
  public static final int STATS_CALLS_OUT = 1;
  public static final int STATS_PKTS_IN = 2;
  public static final int STATS_PKTS_OUT = 3;
}
