package org.msrpc4j.authz;

/**
 * ACE types of [MS-DTYP] 2.4.4.1 with their SDDL strings (2.5.1.1) and the layout of their body.
 *
 * <p>Immutable and thread-safe.
 */
public enum AceType {
  ACCESS_ALLOWED(0x00, "A", Layout.BASIC),
  ACCESS_DENIED(0x01, "D", Layout.BASIC),
  SYSTEM_AUDIT(0x02, "AU", Layout.BASIC),
  SYSTEM_ALARM(0x03, "AL", Layout.BASIC),
  ACCESS_ALLOWED_COMPOUND(0x04, null, Layout.OPAQUE),
  ACCESS_ALLOWED_OBJECT(0x05, "OA", Layout.OBJECT),
  ACCESS_DENIED_OBJECT(0x06, "OD", Layout.OBJECT),
  SYSTEM_AUDIT_OBJECT(0x07, "OU", Layout.OBJECT),
  SYSTEM_ALARM_OBJECT(0x08, "OL", Layout.OBJECT),
  ACCESS_ALLOWED_CALLBACK(0x09, "XA", Layout.BASIC),
  ACCESS_DENIED_CALLBACK(0x0A, "XD", Layout.BASIC),
  ACCESS_ALLOWED_CALLBACK_OBJECT(0x0B, "ZA", Layout.OBJECT),
  ACCESS_DENIED_CALLBACK_OBJECT(0x0C, null, Layout.OBJECT),
  SYSTEM_AUDIT_CALLBACK(0x0D, "XU", Layout.BASIC),
  SYSTEM_ALARM_CALLBACK(0x0E, null, Layout.BASIC),
  SYSTEM_AUDIT_CALLBACK_OBJECT(0x0F, null, Layout.OBJECT),
  SYSTEM_ALARM_CALLBACK_OBJECT(0x10, null, Layout.OBJECT),
  SYSTEM_MANDATORY_LABEL(0x11, "ML", Layout.BASIC),
  SYSTEM_RESOURCE_ATTRIBUTE(0x12, "RA", Layout.BASIC),
  SYSTEM_SCOPED_POLICY_ID(0x13, "SP", Layout.BASIC);

  /** How the ACE body after the 4-byte header is laid out. */
  public enum Layout {
    /** Mask, SID, then optional application data. */
    BASIC,
    /** Mask, object flags, up to two GUIDs, SID, then optional application data. */
    OBJECT,
    /** Not interpreted: kept as raw bytes. */
    OPAQUE
  }

  private static final AceType[] BY_CODE = new AceType[0x14];

  static {
    for (AceType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final String sddl;
  private final Layout layout;

  AceType(int code, String sddl, Layout layout) {
    this.code = code;
    this.sddl = sddl;
    this.layout = layout;
  }

  /** The AceType byte. */
  public int code() {
    return code;
  }

  /** The SDDL ace-type string, or null when SDDL has none for this type. */
  public String sddl() {
    return sddl;
  }

  public Layout layout() {
    return layout;
  }

  /** The type for a code, or null if the code is not one [MS-DTYP] defines. */
  public static AceType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** The type for an SDDL ace-type string, or null. */
  public static AceType fromSddl(String s) {
    for (AceType t : values()) {
      if (s.equals(t.sddl)) {
        return t;
      }
    }
    return null;
  }

  /** True for types that carry object-type GUIDs. */
  public boolean isObject() {
    return layout == Layout.OBJECT;
  }

  /** True for callback (conditional) types, whose application data is a conditional expression. */
  public boolean isCallback() {
    return name().contains("CALLBACK");
  }

  /** True for the types the access check treats as "allow". */
  public boolean isAllow() {
    return this == ACCESS_ALLOWED || this == ACCESS_ALLOWED_OBJECT || this == ACCESS_ALLOWED_CALLBACK
        || this == ACCESS_ALLOWED_CALLBACK_OBJECT;
  }

  /** True for the types the access check treats as "deny". */
  public boolean isDeny() {
    return this == ACCESS_DENIED || this == ACCESS_DENIED_OBJECT || this == ACCESS_DENIED_CALLBACK
        || this == ACCESS_DENIED_CALLBACK_OBJECT;
  }
}
