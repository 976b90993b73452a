package org.msrpc4j.runtime.auth;

import org.msrpc4j.runtime.RpcCall;
import org.msrpc4j.runtime.RpcException;

/**
 * The security callback of an interface (RpcServerRegisterIf3's IfCallback): runs before every call
 * to the interface, after the minimum level was checked, and may refuse the call by throwing
 * (typically {@code RpcException(5)}; the call is then not executed). It may ask the call who the
 * caller is. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SecurityCallback {
  /** Accepts the call by returning, refuses it by throwing. */
  void check(RpcCall call) throws RpcException;
}
