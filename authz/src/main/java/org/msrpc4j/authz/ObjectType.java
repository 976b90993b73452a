package org.msrpc4j.authz;

import java.util.Objects;
import java.util.UUID;

/**
 * One entry of an object type list (OBJECT_TYPE_LIST, [MS-DTYP] 2.5.3.2 "Object Tree"): a GUID and
 * its level in the hierarchy. The first entry is the object itself at level 0; property sets are
 * level 1, properties level 2, and so on (at most level 4, as on Windows).
 *
 * <p>Immutable and thread-safe.
 */
public record ObjectType(int level, UUID guid) {
  /** Windows' ACCESS_MAX_LEVEL. */
  public static final int MAX_LEVEL = 4;

  public ObjectType {
    Objects.requireNonNull(guid, "guid");
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("object type level " + level + " is outside 0.." + MAX_LEVEL);
    }
  }
}
