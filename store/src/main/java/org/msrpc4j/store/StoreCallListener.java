package org.msrpc4j.store;

/**
 * Receives every store call after it was served. Called on the server's handler threads:
 * implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface StoreCallListener {
  /** Does nothing. */
  StoreCallListener NONE = e -> { };

  /** One call. */
  void onCall(StoreCallEvent event);
}
