package org.msrpc4j.store;

/**
 * One stored object without its data: what path resolution and access checks need.
 *
 * @param id the database id (the root is {@link SqliteObjectRepository#ROOT_ID})
 * @param parentId the container's id (0 for the root)
 * @param name the object's name ("" for the root)
 * @param container whether it can hold children
 * @param descriptor the self-relative security descriptor
 */
record ObjectRow(long id, long parentId, String name, boolean container, byte[] descriptor) {}
