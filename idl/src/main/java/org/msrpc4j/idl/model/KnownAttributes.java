package org.msrpc4j.idl.model;

import java.util.Set;

/** The MIDL and ACF attribute names the compiler accepts; any other name is reported as an error. */
final class KnownAttributes {
  /** IDL attributes (interface, type, field, operation and parameter). */
  static final Set<String> IDL =
      Set.of("in", "out", "retval", "string", "unique", "ref", "ptr", "ignore", "size_is",
          "length_is", "first_is", "last_is", "max_is", "min_is", "switch_is", "switch_type",
          "context_handle", "range", "handle", "annotation", "call_as", "callback", "local",
          "uuid", "version", "pointer_default", "ms_union", "endpoint", "case", "default",
          "v1_enum", "public", "transmit_as", "represent_as", "wire_marshal", "user_marshal",
          "helpstring", "idempotent", "broadcast", "maybe", "async", "message", "notify",
          "notify_flag", "partial_ignore", "force_allocate", "disable_consistency_check",
          "defaultvalue", "optional", "iid_is", "object", "async_uuid", "strict_context_handle",
          "type_strict_context_handle", "byte_count", "cs_char", "cs_drtag", "cs_rtag", "cs_stag",
          "cs_tag_rtn", "hidden", "id", "propget", "propput", "propputref", "restricted",
          "source", "vararg", "lcid", "oleautomation", "dual", "nonextensible", "helpcontext",
          "helpfile", "odl", "pointer_type", "bindable", "defaultbind", "displaybind",
          "immediatebind", "requestedit", "readonly", "nonbrowsable", "control", "licensed",
          "aggregatable", "appobject", "usesgetlasterror", "range_is", "unsigned", "signed");

  /** ACF attributes. */
  static final Set<String> ACF =
      Set.of("explicit_handle", "implicit_handle", "auto_handle", "strict_context_handle",
          "type_strict_context_handle", "context_handle_noserialize",
          "context_handle_serialize", "comm_status", "fault_status", "code", "nocode",
          "optimize", "allocate", "enable_allocate", "encode", "decode", "represent_as",
          "call_quota", "callback_quota", "client_quota", "server_quota", "heap", "in_line",
          "out_of_line", "partial_ignore", "force_allocate", "async", "cs_char", "cs_drtag",
          "cs_rtag", "cs_stag", "cs_tag_rtn", "byte_count", "notify", "notify_flag",
          "usesgetlasterror", "ignore");

  private KnownAttributes() {}
}
