package org.msrpc4j.authz;

/**
 * {@link Sddl#format} was given a descriptor that SDDL cannot express exactly: text that parsed
 * back would give a different descriptor, so no text is produced.
 *
 * <p>Only descriptors decoded from binary can hold such values (whatever {@link Sddl#parse}
 * accepts formats): an ACE type or flag without an SDDL name, bytes after the SID of an ACE that
 * has no 7th SDDL field, a resource attribute with an empty name, a string value holding a double
 * quote (SDDL strings have no escape for it, [MS-DTYP] 2.5.1.1 char-string) or a TB value other
 * than 0 and 1, or conditional-expression data that is malformed, has a shape the SDDL grammar has
 * no text for (a literal where a condition belongs, a local attribute on the right of an operator,
 * nested composites, an attribute name with NUL or a simple-form name with characters outside
 * attr-char1), or nests deeper than {@link Sddl#parse} accepts.
 *
 * <p>It extends {@link IllegalArgumentException}, which {@link Sddl#format} has always documented,
 * so existing callers keep working; catch this type to tell it from programming errors. The message
 * names what cannot be written, never the value itself. Immutable once thrown, hence thread-safe.
 */
public final class NotExpressibleInSddlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param reason what SDDL cannot express, in plain words */
  public NotExpressibleInSddlException(String reason) {
    super(reason);
  }

  /**
   * @param reason what SDDL cannot express, in plain words
   * @param cause the decoding error behind it
   */
  public NotExpressibleInSddlException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
