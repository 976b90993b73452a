package org.msrpc4j.security;

/** The anonymous (null session) identity. A singleton; immutable; thread-safe. */
public final class AnonymousIdentity implements ClientIdentity {
  static final AnonymousIdentity INSTANCE = new AnonymousIdentity();

  private AnonymousIdentity() {}

  @Override
  public String domain() {
    return "";
  }

  @Override
  public String user() {
    return "";
  }

  @Override
  public boolean isAnonymous() {
    return true;
  }

  @Override
  public String toString() {
    return "AnonymousIdentity";
  }
}
