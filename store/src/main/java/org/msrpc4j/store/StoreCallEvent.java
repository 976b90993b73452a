package org.msrpc4j.store;

/**
 * One store call as the server saw it: for the server log and the demo's transcript.
 *
 * @param operation the IDL operation name ("ReadObject", …)
 * @param path the object path, or "" when the operation has none
 * @param principal the caller ({@code DOMAIN\\user}), or "(unauthenticated)"
 * @param authLevel the call's authentication level (RPC_C_AUTHN_LEVEL_*, 1 when unauthenticated)
 * @param handleLevel the level the context handle was opened at, or 0 when the call has no handle
 * @param status the Windows status returned (0 = success)
 */
public record StoreCallEvent(String operation, String path, String principal, int authLevel, int handleLevel,
    int status) {}
