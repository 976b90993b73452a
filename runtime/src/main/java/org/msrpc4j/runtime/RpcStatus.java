package org.msrpc4j.runtime;

import java.util.Map;

/**
 * Status codes the runtime produces or receives, with their symbolic names from [MS-ERREF] and
 * C706 (the {@code nca_s_*} fault codes).
 *
 * <p>Statuses are plain {@code int}s, as on Windows, so that callers can compare them exactly;
 * {@link #nameOf(int)} gives the symbolic name for messages. Immutable and thread-safe.
 */
public final class RpcStatus {
  private RpcStatus() {}

  // C706 / [MS-RPCE] 2.3.1 fault codes (nca_s_*).
  public static final int NCA_S_COMM_FAILURE = 0x1C010001;
  public static final int NCA_S_OP_RNG_ERROR = 0x1C010002;
  public static final int NCA_S_UNK_IF = 0x1C010003;
  public static final int NCA_S_PROTO_ERROR = 0x1C01000B;
  public static final int NCA_S_OUT_ARGS_TOO_BIG = 0x1C010013;
  public static final int NCA_S_SERVER_TOO_BUSY = 0x1C010014;
  public static final int NCA_S_UNSUPPORTED_TYPE = 0x1C010017;
  public static final int NCA_S_FAULT_INT_DIV_BY_ZERO = 0x1C000001;
  public static final int NCA_S_FAULT_INVALID_TAG = 0x1C000006;
  public static final int NCA_S_FAULT_INVALID_BOUND = 0x1C000007;
  public static final int NCA_S_RPC_VERSION_MISMATCH = 0x1C000008;
  public static final int NCA_S_UNSPEC_REJECT = 0x1C000009;
  public static final int NCA_S_FAULT_CANCEL = 0x1C00000D;
  public static final int NCA_S_FAULT_UNSPEC = 0x1C000012;
  public static final int NCA_S_FAULT_CONTEXT_MISMATCH = 0x1C00001A;
  public static final int NCA_S_FAULT_REMOTE_NO_MEMORY = 0x1C00001B;
  public static final int NCA_S_INVALID_PRES_CONTEXT_ID = 0x1C00001C;
  public static final int NCA_S_UNSUPPORTED_AUTHN_LEVEL = 0x1C00001D;
  public static final int NCA_S_INVALID_CHECKSUM = 0x1C00001F;
  public static final int NCA_S_FAULT_OBJECT_NOT_FOUND = 0x1C000024;

  // Win32 codes ([MS-ERREF] 2.2).
  public static final int ERROR_ACCESS_DENIED = 5;
  public static final int ERROR_INVALID_PARAMETER = 87;
  public static final int ERROR_TIMEOUT = 1460;
  public static final int RPC_S_INVALID_STRING_BINDING = 1700;
  public static final int RPC_S_WRONG_KIND_OF_BINDING = 1701;
  public static final int RPC_S_PROTSEQ_NOT_SUPPORTED = 1703;
  public static final int RPC_S_INVALID_ENDPOINT_FORMAT = 1706;
  public static final int RPC_S_NO_ENDPOINT_FOUND = 1708;
  public static final int RPC_S_UNKNOWN_IF = 1717;
  public static final int RPC_S_NOT_LISTENING = 1715;
  public static final int RPC_S_OUT_OF_RESOURCES = 1721;
  public static final int RPC_S_SERVER_UNAVAILABLE = 1722;
  public static final int RPC_S_SERVER_TOO_BUSY = 1723;
  public static final int RPC_S_NO_CALL_ACTIVE = 1725;
  public static final int RPC_S_CALL_FAILED = 1726;
  public static final int RPC_S_CALL_FAILED_DNE = 1727;
  public static final int RPC_S_PROTOCOL_ERROR = 1728;
  public static final int RPC_S_UNSUPPORTED_TRANS_SYN = 1730;
  public static final int RPC_S_UNSUPPORTED_TYPE = 1732;
  public static final int RPC_S_INVALID_TAG = 1733;
  public static final int RPC_S_INVALID_BOUND = 1734;
  public static final int RPC_S_UNKNOWN_AUTHN_TYPE = 1741;
  public static final int RPC_S_PROCNUM_OUT_OF_RANGE = 1745;
  public static final int RPC_S_BINDING_HAS_NO_AUTH = 1746;
  public static final int RPC_S_UNKNOWN_AUTHN_SERVICE = 1747;
  public static final int RPC_S_UNKNOWN_AUTHN_LEVEL = 1748;
  public static final int RPC_S_INVALID_AUTH_IDENTITY = 1749;
  public static final int RPC_S_UNKNOWN_AUTHZ_SERVICE = 1750;
  public static final int EPT_S_CANT_PERFORM_OP = 1752;
  public static final int EPT_S_NOT_REGISTERED = 1753;
  public static final int RPC_S_CANNOT_SUPPORT = 1764;
  public static final int RPC_S_NO_CONTEXT_AVAILABLE = 1765;
  public static final int RPC_S_INTERNAL_ERROR = 1766;
  public static final int RPC_X_SS_CONTEXT_DAMAGED = 1777;
  public static final int RPC_X_NULL_REF_POINTER = 1780;
  public static final int RPC_X_ENUM_VALUE_OUT_OF_RANGE = 1781;
  public static final int RPC_X_BAD_STUB_DATA = 1783;
  public static final int RPC_S_CALL_CANCELLED = 1818;
  public static final int RPC_S_UNSUPPORTED_AUTHN_LEVEL = 1821;
  public static final int RPC_S_SEC_PKG_ERROR = 1825;
  /** The DCE form of EPT_S_NOT_REGISTERED that Samba and Windows return from ept_lookup/ept_map. */
  public static final int DCE_EPT_S_NOT_REGISTERED = 0x16C9A0D6;

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(NCA_S_COMM_FAILURE, "nca_s_comm_failure"),
      Map.entry(NCA_S_OP_RNG_ERROR, "nca_s_op_rng_error"),
      Map.entry(NCA_S_UNK_IF, "nca_s_unk_if"),
      Map.entry(NCA_S_PROTO_ERROR, "nca_s_proto_error"),
      Map.entry(NCA_S_OUT_ARGS_TOO_BIG, "nca_s_out_args_too_big"),
      Map.entry(NCA_S_SERVER_TOO_BUSY, "nca_s_server_too_busy"),
      Map.entry(NCA_S_UNSUPPORTED_TYPE, "nca_s_unsupported_type"),
      Map.entry(NCA_S_FAULT_INT_DIV_BY_ZERO, "nca_s_fault_int_div_by_zero"),
      Map.entry(NCA_S_FAULT_INVALID_TAG, "nca_s_fault_invalid_tag"),
      Map.entry(NCA_S_FAULT_INVALID_BOUND, "nca_s_fault_invalid_bound"),
      Map.entry(NCA_S_RPC_VERSION_MISMATCH, "nca_s_rpc_version_mismatch"),
      Map.entry(NCA_S_UNSPEC_REJECT, "nca_s_unspec_reject"),
      Map.entry(NCA_S_FAULT_CANCEL, "nca_s_fault_cancel"),
      Map.entry(NCA_S_FAULT_UNSPEC, "nca_s_fault_unspec"),
      Map.entry(NCA_S_FAULT_CONTEXT_MISMATCH, "nca_s_fault_context_mismatch"),
      Map.entry(NCA_S_FAULT_REMOTE_NO_MEMORY, "nca_s_fault_remote_no_memory"),
      Map.entry(NCA_S_INVALID_PRES_CONTEXT_ID, "nca_s_invalid_pres_context_id"),
      Map.entry(NCA_S_UNSUPPORTED_AUTHN_LEVEL, "nca_s_unsupported_authn_level"),
      Map.entry(NCA_S_INVALID_CHECKSUM, "nca_s_invalid_checksum"),
      Map.entry(NCA_S_FAULT_OBJECT_NOT_FOUND, "nca_s_fault_object_not_found"),
      Map.entry(ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED"),
      Map.entry(ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER"),
      Map.entry(ERROR_TIMEOUT, "ERROR_TIMEOUT"),
      Map.entry(RPC_S_INVALID_STRING_BINDING, "RPC_S_INVALID_STRING_BINDING"),
      Map.entry(RPC_S_WRONG_KIND_OF_BINDING, "RPC_S_WRONG_KIND_OF_BINDING"),
      Map.entry(RPC_S_PROTSEQ_NOT_SUPPORTED, "RPC_S_PROTSEQ_NOT_SUPPORTED"),
      Map.entry(RPC_S_INVALID_ENDPOINT_FORMAT, "RPC_S_INVALID_ENDPOINT_FORMAT"),
      Map.entry(RPC_S_NO_ENDPOINT_FOUND, "RPC_S_NO_ENDPOINT_FOUND"),
      Map.entry(RPC_S_NOT_LISTENING, "RPC_S_NOT_LISTENING"),
      Map.entry(RPC_S_UNKNOWN_IF, "RPC_S_UNKNOWN_IF"),
      Map.entry(RPC_S_OUT_OF_RESOURCES, "RPC_S_OUT_OF_RESOURCES"),
      Map.entry(RPC_S_SERVER_UNAVAILABLE, "RPC_S_SERVER_UNAVAILABLE"),
      Map.entry(RPC_S_SERVER_TOO_BUSY, "RPC_S_SERVER_TOO_BUSY"),
      Map.entry(RPC_S_NO_CALL_ACTIVE, "RPC_S_NO_CALL_ACTIVE"),
      Map.entry(RPC_S_CALL_FAILED, "RPC_S_CALL_FAILED"),
      Map.entry(RPC_S_CALL_FAILED_DNE, "RPC_S_CALL_FAILED_DNE"),
      Map.entry(RPC_S_PROTOCOL_ERROR, "RPC_S_PROTOCOL_ERROR"),
      Map.entry(RPC_S_UNSUPPORTED_TRANS_SYN, "RPC_S_UNSUPPORTED_TRANS_SYN"),
      Map.entry(RPC_S_UNSUPPORTED_TYPE, "RPC_S_UNSUPPORTED_TYPE"),
      Map.entry(RPC_S_INVALID_TAG, "RPC_S_INVALID_TAG"),
      Map.entry(RPC_S_INVALID_BOUND, "RPC_S_INVALID_BOUND"),
      Map.entry(RPC_S_UNKNOWN_AUTHN_TYPE, "RPC_S_UNKNOWN_AUTHN_TYPE"),
      Map.entry(RPC_S_PROCNUM_OUT_OF_RANGE, "RPC_S_PROCNUM_OUT_OF_RANGE"),
      Map.entry(RPC_S_BINDING_HAS_NO_AUTH, "RPC_S_BINDING_HAS_NO_AUTH"),
      Map.entry(RPC_S_UNKNOWN_AUTHN_SERVICE, "RPC_S_UNKNOWN_AUTHN_SERVICE"),
      Map.entry(RPC_S_UNKNOWN_AUTHN_LEVEL, "RPC_S_UNKNOWN_AUTHN_LEVEL"),
      Map.entry(RPC_S_INVALID_AUTH_IDENTITY, "RPC_S_INVALID_AUTH_IDENTITY"),
      Map.entry(RPC_S_UNKNOWN_AUTHZ_SERVICE, "RPC_S_UNKNOWN_AUTHZ_SERVICE"),
      Map.entry(EPT_S_CANT_PERFORM_OP, "EPT_S_CANT_PERFORM_OP"),
      Map.entry(EPT_S_NOT_REGISTERED, "EPT_S_NOT_REGISTERED"),
      Map.entry(RPC_S_CANNOT_SUPPORT, "RPC_S_CANNOT_SUPPORT"),
      Map.entry(RPC_S_NO_CONTEXT_AVAILABLE, "RPC_S_NO_CONTEXT_AVAILABLE"),
      Map.entry(RPC_S_INTERNAL_ERROR, "RPC_S_INTERNAL_ERROR"),
      Map.entry(RPC_X_SS_CONTEXT_DAMAGED, "RPC_X_SS_CONTEXT_DAMAGED"),
      Map.entry(RPC_X_NULL_REF_POINTER, "RPC_X_NULL_REF_POINTER"),
      Map.entry(RPC_X_ENUM_VALUE_OUT_OF_RANGE, "RPC_X_ENUM_VALUE_OUT_OF_RANGE"),
      Map.entry(RPC_X_BAD_STUB_DATA, "RPC_X_BAD_STUB_DATA"),
      Map.entry(RPC_S_CALL_CANCELLED, "RPC_S_CALL_CANCELLED"),
      Map.entry(RPC_S_UNSUPPORTED_AUTHN_LEVEL, "RPC_S_UNSUPPORTED_AUTHN_LEVEL"),
      Map.entry(RPC_S_SEC_PKG_ERROR, "RPC_S_SEC_PKG_ERROR"),
      Map.entry(DCE_EPT_S_NOT_REGISTERED, "EPT_S_NOT_REGISTERED (DCE)"));

  /** The symbolic name of {@code status}, or its hexadecimal value when the runtime does not know it. */
  public static String nameOf(int status) {
    String name = NAMES.get(status);
    return name != null ? name : String.format("0x%08x", status);
  }

  /** {@code "NAME (0xVALUE)"} for messages. */
  public static String describe(int status) {
    String name = NAMES.get(status);
    String hex = String.format("0x%08x", status);
    return name != null ? name + " (" + hex + ")" : hex;
  }
}
