package org.msrpc4j.runtime.pdu;

/** pfc_flags bits of the common header (C706 12.6.3.1, [MS-RPCE] 2.2.2.3). */
public final class PfcFlags {
  private PfcFlags() {}

  public static final int FIRST_FRAG = 0x01;
  public static final int LAST_FRAG = 0x02;
  /** On request/response: a cancel was pending at send time. */
  public static final int PENDING_CANCEL = 0x04;
  /** On bind, bind_ack, alter_context, alter_context_resp: the same bit means header signing. */
  public static final int SUPPORT_HEADER_SIGN = 0x04;
  public static final int CONC_MPX = 0x10;
  public static final int DID_NOT_EXECUTE = 0x20;
  public static final int MAYBE = 0x40;
  public static final int OBJECT_UUID = 0x80;
}
