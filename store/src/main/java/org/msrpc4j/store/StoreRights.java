package org.msrpc4j.store;

import org.msrpc4j.authz.AccessMasks;
import org.msrpc4j.authz.GenericMapping;

/**
 * The access rights of store objects and the store's generic mapping. The object-specific bits
 * (low 16) are the store's own, in the manner of a file system's; the standard rights (DELETE,
 * READ_CONTROL, WRITE_DAC, WRITE_OWNER) keep their Windows meaning. Constants only; thread-safe.
 */
public final class StoreRights {
  private StoreRights() {}

  /** Read an object's data. */
  public static final int READ_DATA = 0x0001;
  /** Replace an object's data. */
  public static final int WRITE_DATA = 0x0002;
  /** List a container's children. */
  public static final int LIST_CHILDREN = 0x0004;
  /** Create an object in a container. */
  public static final int ADD_CHILD = 0x0008;
  /** Delete any child of a container (as FILE_DELETE_CHILD). */
  public static final int DELETE_CHILD = 0x0010;
  /** Delete the object itself. */
  public static final int DELETE = AccessMasks.DELETE;
  /** Read the owner, group and DACL. */
  public static final int READ_CONTROL = AccessMasks.READ_CONTROL;
  /** Replace the DACL. */
  public static final int WRITE_DAC = AccessMasks.WRITE_DAC;
  /** Take or give ownership. */
  public static final int WRITE_OWNER = AccessMasks.WRITE_OWNER;

  /** Every specific and standard right of a store object. */
  public static final int ALL = READ_DATA | WRITE_DATA | LIST_CHILDREN | ADD_CHILD | DELETE_CHILD | DELETE
      | READ_CONTROL | WRITE_DAC | WRITE_OWNER;

  /**
   * GENERIC_READ = read data, list, read control; GENERIC_WRITE = write data, add child, read
   * control; GENERIC_EXECUTE = list, read control (traversal); GENERIC_ALL = everything.
   */
  public static final GenericMapping MAPPING = new GenericMapping(
      READ_DATA | LIST_CHILDREN | READ_CONTROL,
      WRITE_DATA | ADD_CHILD | READ_CONTROL,
      LIST_CHILDREN | READ_CONTROL,
      ALL);

  /** The names of the rights in {@code mask}, for log lines and the CLI ("read|list"). */
  public static String describe(int mask) {
    StringBuilder b = new StringBuilder();
    append(b, mask, READ_DATA, "read");
    append(b, mask, WRITE_DATA, "write");
    append(b, mask, LIST_CHILDREN, "list");
    append(b, mask, ADD_CHILD, "add-child");
    append(b, mask, DELETE_CHILD, "delete-child");
    append(b, mask, DELETE, "delete");
    append(b, mask, READ_CONTROL, "read-control");
    append(b, mask, WRITE_DAC, "write-dac");
    append(b, mask, WRITE_OWNER, "write-owner");
    int rest = mask & ~ALL;
    if (rest != 0) {
      append(b, rest, rest, String.format("0x%08x", rest));
    }
    return b.length() == 0 ? "none" : b.toString();
  }

  private static void append(StringBuilder b, int mask, int bit, String name) {
    if ((mask & bit) != 0) {
      if (b.length() > 0) {
        b.append('|');
      }
      b.append(name);
    }
  }
}
