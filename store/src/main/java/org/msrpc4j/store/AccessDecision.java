package org.msrpc4j.store;

/**
 * One access check the store made, for audit listeners (the demo's transcript, the server log).
 *
 * @param operation the store operation ("read", "create", …)
 * @param path the object checked (for create and delete-child: the container)
 * @param principal the caller's name, or its user SID when the token has no name
 * @param desired the rights asked for ({@link StoreRights})
 * @param granted the rights granted (0 when denied)
 * @param allowed whether the operation may go on
 */
public record AccessDecision(String operation, String path, String principal, int desired, int granted,
    boolean allowed) {

  /** A one-line description without secrets, e.g. {@code DENIED bob read /projects (wanted read)}. */
  public String describe() {
    return (allowed ? "granted " : "DENIED ") + principal + " " + operation + " " + path + " (wanted "
        + StoreRights.describe(desired) + ")";
  }
}
