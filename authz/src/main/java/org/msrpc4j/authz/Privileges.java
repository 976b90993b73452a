package org.msrpc4j.authz;

/**
 * Names of the Windows privileges the authorization code consults.
 *
 * <p>Constants only; thread-safe.
 */
public final class Privileges {
  /** Needed for ACCESS_SYSTEM_SECURITY (reading or writing a SACL). */
  public static final String SECURITY = "SeSecurityPrivilege";
  /** Grants WRITE_OWNER on any object. */
  public static final String TAKE_OWNERSHIP = "SeTakeOwnershipPrivilege";
  /** Lets a caller set an owner that is not in its token. */
  public static final String RESTORE = "SeRestorePrivilege";
  public static final String BACKUP = "SeBackupPrivilege";
  public static final String CHANGE_NOTIFY = "SeChangeNotifyPrivilege";
  public static final String IMPERSONATE = "SeImpersonatePrivilege";
  public static final String MACHINE_ACCOUNT = "SeMachineAccountPrivilege";

  private Privileges() {}
}
