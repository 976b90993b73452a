package org.msrpc4j.authz;

/**
 * The outcome of an {@link AccessCheck}: granted or not, the granted mask and a Windows status.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status 0 (success), 5 (ERROR_ACCESS_DENIED) or 1314 (ERROR_PRIVILEGE_NOT_HELD, when
 *     ACCESS_SYSTEM_SECURITY was asked for without SeSecurityPrivilege)
 * @param grantedAccess the rights granted (0 when denied)
 */
public record AccessCheckResult(int status, int grantedAccess) {
  public static final int SUCCESS = 0;
  public static final int ACCESS_DENIED = 5;
  public static final int PRIVILEGE_NOT_HELD = 1314;

  static AccessCheckResult granted(int mask) {
    return new AccessCheckResult(SUCCESS, mask);
  }

  static AccessCheckResult denied() {
    return new AccessCheckResult(ACCESS_DENIED, 0);
  }

  /** True if everything asked for was granted. */
  public boolean isGranted() {
    return status == SUCCESS;
  }
}
