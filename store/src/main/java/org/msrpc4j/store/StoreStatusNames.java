package org.msrpc4j.store;

import org.msrpc4j.runtime.RpcStatus;

/** Words for the statuses the store returns, for CLI output and exception messages. Stateless. */
public final class StoreStatusNames {
  private StoreStatusNames() {}

  /** e.g. {@code 5 (ERROR_ACCESS_DENIED)}. */
  public static String describe(int status) {
    String name = switch (status) {
      case 0 -> "ERROR_SUCCESS";
      case StoreException.NOT_FOUND -> "ERROR_FILE_NOT_FOUND";
      case StoreException.PATH_NOT_FOUND -> "ERROR_PATH_NOT_FOUND";
      case StoreException.ACCESS_DENIED -> "ERROR_ACCESS_DENIED";
      case StoreException.INVALID_PARAMETER -> "ERROR_INVALID_PARAMETER";
      case StoreException.NOT_EMPTY -> "ERROR_DIR_NOT_EMPTY";
      case StoreException.ALREADY_EXISTS -> "ERROR_ALREADY_EXISTS";
      case StoreException.NOT_A_CONTAINER -> "ERROR_DIRECTORY";
      case 1307 -> "ERROR_INVALID_OWNER";
      case 1314 -> "ERROR_PRIVILEGE_NOT_HELD";
      case StoreException.INVALID_SECURITY_DESCRIPTOR -> "ERROR_INVALID_SECURITY_DESCR";
      case StoreException.INTERNAL_ERROR -> "ERROR_INTERNAL_ERROR";
      default -> RpcStatus.nameOf(status);
    };
    return status + " (" + name + ")";
  }
}
