package org.msrpc4j.store;

/**
 * What a store context handle holds on the server: who opened it and at which level. Calls on the
 * handle must come from the same principal (a handle is not a capability to be passed around).
 *
 * @param principal the opener ({@code DOMAIN\\user})
 * @param authLevel the level of the call that opened it
 */
record StoreSessionState(String principal, int authLevel) {}
