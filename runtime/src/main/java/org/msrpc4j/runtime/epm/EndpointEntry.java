package org.msrpc4j.runtime.epm;

import java.util.Objects;
import java.util.UUID;

/** One endpoint-map element (ept_entry_t): object UUID, tower, annotation. Immutable. */
public record EndpointEntry(UUID object, Tower tower, String annotation) {
  public EndpointEntry {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(tower, "tower");
    annotation = annotation == null ? "" : annotation;
  }
}
