package org.msrpc4j.store;

import java.util.ArrayList;
import java.util.List;

/**
 * An absolute object path, {@code /} for the root and {@code /a/b} below it. Parsing is strict
 * because paths come from the network: at most {@link #MAX_DEPTH} components of at most
 * {@link #MAX_NAME} characters, no empty component, no {@code .} or {@code ..}, no control
 * characters. Immutable and thread-safe.
 *
 * @param names the components, root first excluded (empty for the root)
 */
public record StorePath(List<String> names) {
  /** The deepest path accepted. */
  public static final int MAX_DEPTH = 64;
  /** The longest name accepted, in UTF-16 units. */
  public static final int MAX_NAME = 255;
  /** The longest path string accepted. */
  public static final int MAX_LENGTH = 4096;

  /** The root container. */
  public static final StorePath ROOT = new StorePath(List.of());

  /** Copies the list. */
  public StorePath {
    names = List.copyOf(names);
  }

  /**
   * Parses {@code /a/b}; a trailing slash is allowed.
   *
   * @throws StoreException INVALID_PARAMETER (87) with what is wrong
   */
  public static StorePath parse(String text) throws StoreException {
    if (text == null || text.isEmpty() || text.charAt(0) != '/') {
      throw new StoreException(StoreException.INVALID_PARAMETER, "a path must start with '/'");
    }
    if (text.length() > MAX_LENGTH) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "path longer than " + MAX_LENGTH + " characters");
    }
    if (text.equals("/")) {
      return ROOT;
    }
    // One trailing slash is allowed ("/a/b/"); anything else empty between slashes is not.
    String body = text.endsWith("/") ? text.substring(1, text.length() - 1) : text.substring(1);
    List<String> parts = new ArrayList<>();
    for (String name : body.split("/", -1)) {
      checkName(name);
      parts.add(name);
      if (parts.size() > MAX_DEPTH) {
        throw new StoreException(StoreException.INVALID_PARAMETER, "path deeper than " + MAX_DEPTH + " levels");
      }
    }
    return new StorePath(parts);
  }

  /**
   * Checks one object name.
   *
   * @throws StoreException INVALID_PARAMETER (87) with what is wrong
   */
  public static void checkName(String name) throws StoreException {
    if (name == null || name.isEmpty()) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "empty object name");
    }
    if (name.length() > MAX_NAME) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "object name longer than " + MAX_NAME + " characters");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "'.' and '..' are not object names");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c < 0x20 || c == 0x7f) {
        throw new StoreException(StoreException.INVALID_PARAMETER, "object names may not contain '/' or control characters");
      }
    }
  }

  /** Whether this is the root. */
  public boolean isRoot() {
    return names.isEmpty();
  }

  /** The last component ("" for the root). */
  public String name() {
    return names.isEmpty() ? "" : names.get(names.size() - 1);
  }

  /** The container holding this path (the root's parent is the root). */
  public StorePath parent() {
    return names.isEmpty() ? this : new StorePath(names.subList(0, names.size() - 1));
  }

  /**
   * This path with {@code name} appended.
   *
   * @throws StoreException INVALID_PARAMETER for a bad name or a path too deep
   */
  public StorePath child(String name) throws StoreException {
    checkName(name);
    if (names.size() >= MAX_DEPTH) {
      throw new StoreException(StoreException.INVALID_PARAMETER, "path deeper than " + MAX_DEPTH + " levels");
    }
    List<String> n = new ArrayList<>(names);
    n.add(name);
    return new StorePath(n);
  }

  @Override
  public String toString() {
    return names.isEmpty() ? "/" : "/" + String.join("/", names);
  }
}
