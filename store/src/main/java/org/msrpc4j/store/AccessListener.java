package org.msrpc4j.store;

/**
 * Receives every access decision of an {@link ObjectStore}. Called on the thread of the operation
 * while the store's lock is held: implementations must be quick, thread-safe and must not call the
 * store.
 */
@FunctionalInterface
public interface AccessListener {
  /** Does nothing. */
  AccessListener NONE = d -> { };

  /** One decision. */
  void onDecision(AccessDecision decision);
}
