package org.msrpc4j.security;

/** How a binding tracks the client identity ({@code RPC_C_QOS_IDENTITY_*}). Thread-safe. */
public enum IdentityTracking {
  /** The identity is resolved once, when the auth info is set on the binding. */
  STATIC,
  /** The current thread's identity is re-read for every call (a new context when it changed). */
  DYNAMIC
}
