package org.msrpc4j.security.accounts;

/**
 * A group of an {@link AccountStore}. Immutable; thread-safe.
 *
 * @param name the group name
 * @param rid the relative identifier (group SID = domain SID + rid)
 */
public record Group(String name, long rid) {}
