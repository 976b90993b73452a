package org.msrpc4j.security;

import java.util.regex.Pattern;

/**
 * Service principal names made the way {@code DsMakeSpn} makes them: {@code
 * ServiceClass/Host[:Port][/ServiceName]}. Stateless; thread-safe.
 *
 * <ul>
 *   <li>{@code (class, name)} → {@code class/name} (a host-based service; {@code
 *       Spn.make("ldap", "ServerName.domain.com", null, 0, null)} gives {@code
 *       ldap/ServerName.domain.com}).
 *   <li>With an instance name → {@code class/instance[:port]/name} (a replicable service: name is
 *       a domain, an SRV name or a DN).
 *   <li>Port 0 leaves the port out.
 *   <li>The referrer is used only when there is no instance name and the service name is an IP
 *       address: {@code class/ip[:port]/referrer}; otherwise it is ignored, as on Windows.
 * </ul>
 *
 * Errors are {@link SpnException} with status 87 (ERROR_INVALID_PARAMETER), as DsMakeSpn returns
 * for a null class or name. Java strings have no fixed buffer; the overload with a buffer length
 * reproduces ERROR_BUFFER_OVERFLOW (111) and the length needed, including the terminating NUL.
 */
public final class Spn {
  /** ERROR_INVALID_PARAMETER. */
  public static final int ERROR_INVALID_PARAMETER = 87;
  /** ERROR_BUFFER_OVERFLOW. */
  public static final int ERROR_BUFFER_OVERFLOW = 111;

  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?]?");

  private Spn() {}

  /** A host-based SPN {@code class/name}. */
  public static String make(String serviceClass, String serviceName) {
    return make(serviceClass, serviceName, null, 0, null);
  }

  /**
   * Composes an SPN like DsMakeSpn.
   *
   * @param serviceClass e.g. {@code ldap}, {@code host}, {@code RPCSS}; required, without '/'
   * @param serviceName a host name, domain name, SRV name or DN; required
   * @param instanceName the host of this instance, or null
   * @param port the instance port, 0 for none (0–65535)
   * @param referrer the DNS name of the host that referred an IP address, or null
   * @throws SpnException with status 87 for a null or empty class or name, a class containing
   *     '/', or a port outside 0–65535
   */
  public static String make(
      String serviceClass, String serviceName, String instanceName, int port, String referrer) {
    if (serviceClass == null || serviceName == null) {
      throw new SpnException("the service class and the service name are required");
    }
    if (serviceClass.isEmpty() || serviceName.isEmpty()) {
      throw new SpnException("the service class and the service name must not be empty");
    }
    if (serviceClass.indexOf('/') >= 0) {
      throw new SpnException("the service class must not contain '/'");
    }
    if (port < 0 || port > 0xFFFF) {
      throw new SpnException("the port must be between 0 and 65535");
    }
    StringBuilder spn = new StringBuilder(serviceClass).append('/');
    spn.append(instanceName != null ? instanceName : serviceName);
    if (port != 0) {
      spn.append(':').append(port);
    }
    if (instanceName != null) {
      spn.append('/').append(serviceName);
    } else if (referrer != null && !referrer.isEmpty() && isIpAddress(serviceName)) {
      spn.append('/').append(referrer);
    }
    return spn.toString();
  }

  /**
   * {@link #make(String, String, String, int, String)} with DsMakeSpn's buffer contract: fails with
   * ERROR_BUFFER_OVERFLOW (111) when {@code bufferLength} (in characters, NUL included; 0 asks for
   * the size) is too small, reporting {@link SpnException#requiredLength()}.
   */
  public static String make(
      String serviceClass, String serviceName, String instanceName, int port, String referrer, int bufferLength) {
    String spn = make(serviceClass, serviceName, instanceName, port, referrer);
    if (bufferLength < bufferLength(spn)) {
      throw new SpnException(
          "the SPN needs a buffer of " + bufferLength(spn) + " characters", ERROR_BUFFER_OVERFLOW, bufferLength(spn));
    }
    return spn;
  }

  /** The length DsMakeSpn reports in {@code pcSpnLength}: characters plus the terminating NUL. */
  public static int bufferLength(String spn) {
    return spn.length() + 1;
  }

  /** True when {@code name} is an IPv4 or IPv6 literal (no name resolution is done). */
  static boolean isIpAddress(String name) {
    return IPV4.matcher(name).matches() || (name.indexOf(':') >= 0 && IPV6.matcher(name).matches());
  }
}
