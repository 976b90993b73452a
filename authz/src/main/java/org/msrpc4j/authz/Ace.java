package org.msrpc4j.authz;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One access control entry ([MS-DTYP] 2.4.4).
 *
 * <p>Immutable and thread-safe. Object ACEs carry an optional object type and inherited object
 * type GUID; callback, resource-attribute and other ACEs keep their trailing application data as
 * bytes so that a descriptor read from the wire is written back unchanged. ACE types this library
 * does not interpret (compound ACEs, unknown codes) keep their whole body in {@link #opaqueBody()}.
 */
public final class Ace {
  /** Object ACE Flags bit: ObjectType is present. */
  public static final int OBJECT_TYPE_PRESENT = 0x1;
  /** Object ACE Flags bit: InheritedObjectType is present. */
  public static final int INHERITED_OBJECT_TYPE_PRESENT = 0x2;

  private static final byte[] NONE = new byte[0];

  private final int typeCode;
  private final int flags;
  private final int mask;
  private final Sid sid;
  private final UUID objectType;
  private final UUID inheritedObjectType;
  private final byte[] applicationData;
  private final byte[] opaqueBody;

  private Ace(int typeCode, int flags, int mask, Sid sid, UUID objectType, UUID inheritedObjectType,
      byte[] applicationData, byte[] opaqueBody) {
    this.typeCode = typeCode;
    this.flags = flags & 0xFF;
    this.mask = mask;
    this.sid = sid;
    this.objectType = objectType;
    this.inheritedObjectType = inheritedObjectType;
    this.applicationData = applicationData;
    this.opaqueBody = opaqueBody;
  }

  /** A plain (non-object) ACE of {@code type} with no application data. */
  public static Ace of(AceType type, int flags, int mask, Sid sid) {
    return of(type, flags, mask, sid, null, null, NONE);
  }

  /** Shorthand for an access-allowed ACE. */
  public static Ace allow(int flags, int mask, Sid sid) {
    return of(AceType.ACCESS_ALLOWED, flags, mask, sid);
  }

  /** Shorthand for an access-denied ACE. */
  public static Ace deny(int flags, int mask, Sid sid) {
    return of(AceType.ACCESS_DENIED, flags, mask, sid);
  }

  /**
   * Any interpreted ACE.
   *
   * @param objectType object type GUID (object ACE types only), or null
   * @param inheritedObjectType inherited object type GUID (object ACE types only), or null
   * @param applicationData bytes after the SID (condition, claim attribute), possibly empty
   * @throws IllegalArgumentException for an opaque type or GUIDs on a non-object type
   */
  public static Ace of(AceType type, int flags, int mask, Sid sid, UUID objectType, UUID inheritedObjectType,
      byte[] applicationData) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sid, "sid");
    if (type.layout() == AceType.Layout.OPAQUE) {
      throw new IllegalArgumentException(type + " is kept only as an opaque ACE");
    }
    if (!type.isObject() && (objectType != null || inheritedObjectType != null)) {
      throw new IllegalArgumentException(type + " cannot carry object type GUIDs");
    }
    return new Ace(type.code(), flags, mask, sid, objectType, inheritedObjectType,
        applicationData == null ? NONE : applicationData.clone(), null);
  }

  /** An ACE whose body this library does not interpret (kept byte for byte). */
  public static Ace opaque(int typeCode, int flags, byte[] body) {
    return new Ace(typeCode & 0xFF, flags, 0, null, null, null, NONE, body.clone());
  }

  /** The ACE type, or null for an opaque ACE of a code [MS-DTYP] does not define. */
  public AceType type() {
    return AceType.fromCode(typeCode);
  }

  /** The AceType byte. */
  public int typeCode() {
    return typeCode;
  }

  /** AceFlags (see {@link AceFlags}). */
  public int flags() {
    return flags;
  }

  public boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }

  /** True if this ACE was not interpreted; then mask and SID are meaningless. */
  public boolean isOpaque() {
    return opaqueBody != null;
  }

  /** The access mask. */
  public int mask() {
    return mask;
  }

  /** The trustee SID; null only for an opaque ACE. */
  public Sid sid() {
    return sid;
  }

  /** The object type GUID, or null. */
  public UUID objectType() {
    return objectType;
  }

  /** The inherited object type GUID, or null. */
  public UUID inheritedObjectType() {
    return inheritedObjectType;
  }

  /** The bytes after the SID (a copy); empty when there are none. */
  public byte[] applicationData() {
    return applicationData.clone();
  }

  int applicationDataLength() {
    return applicationData.length;
  }

  byte[] applicationDataUnsafe() {
    return applicationData;
  }

  /** The uninterpreted body after the 4-byte header (a copy), or null. */
  public byte[] opaqueBody() {
    return opaqueBody == null ? null : opaqueBody.clone();
  }

  byte[] opaqueBodyUnsafe() {
    return opaqueBody;
  }

  /** This ACE with other flags. */
  public Ace withFlags(int newFlags) {
    return new Ace(typeCode, newFlags, mask, sid, objectType, inheritedObjectType, applicationData, opaqueBody);
  }

  /** This ACE with another mask (not for opaque ACEs). */
  public Ace withMask(int newMask) {
    return new Ace(typeCode, flags, newMask, sid, objectType, inheritedObjectType, applicationData, opaqueBody);
  }

  /** This ACE with another SID (not for opaque ACEs). */
  public Ace withSid(Sid newSid) {
    return new Ace(typeCode, flags, mask, newSid, objectType, inheritedObjectType, applicationData, opaqueBody);
  }

  /** This ACE with other object GUIDs (object types only). */
  public Ace withObjectTypes(UUID newObjectType, UUID newInheritedObjectType) {
    return new Ace(typeCode, flags, mask, sid, newObjectType, newInheritedObjectType, applicationData, opaqueBody);
  }

  /** Size of the binary ACE in bytes, header included. */
  public int binaryLength() {
    if (opaqueBody != null) {
      return 4 + opaqueBody.length;
    }
    int n = 4 + 4 + sid.binaryLength() + applicationData.length;
    AceType t = type();
    if (t != null && t.isObject()) {
      n += 4 + (objectType != null ? 16 : 0) + (inheritedObjectType != null ? 16 : 0);
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ace a && typeCode == a.typeCode && flags == a.flags && mask == a.mask
        && Objects.equals(sid, a.sid) && Objects.equals(objectType, a.objectType)
        && Objects.equals(inheritedObjectType, a.inheritedObjectType)
        && Arrays.equals(applicationData, a.applicationData) && Arrays.equals(opaqueBody, a.opaqueBody);
  }

  @Override
  public int hashCode() {
    return Objects.hash(typeCode, flags, mask, sid, objectType, inheritedObjectType)
        + 31 * Arrays.hashCode(applicationData) + Arrays.hashCode(opaqueBody);
  }

  @Override
  public String toString() {
    return "Ace[type=0x" + Integer.toHexString(typeCode) + ", flags=0x" + Integer.toHexString(flags)
        + ", mask=0x" + Integer.toHexString(mask) + ", sid=" + sid
        + (objectType != null ? ", object=" + objectType : "")
        + (inheritedObjectType != null ? ", inheritedObject=" + inheritedObjectType : "")
        + (applicationData.length > 0 ? ", appData=" + applicationData.length + " bytes" : "")
        + (opaqueBody != null ? ", opaque=" + opaqueBody.length + " bytes" : "") + "]";
  }
}
