package org.msrpc4j.store;

/**
 * A child listed by {@link ObjectStore#list}.
 *
 * @param name the child's name
 * @param container whether it can hold children
 */
public record StoreEntryInfo(String name, boolean container) {}
