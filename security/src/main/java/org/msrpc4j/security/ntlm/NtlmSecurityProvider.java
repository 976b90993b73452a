package org.msrpc4j.security.ntlm;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.ServerSecurityContext;

/**
 * The NTLM security package (auth_type 10, WINNT). A client-only instance comes from {@link
 * #client()}; a server instance, which also creates client contexts, from {@link
 * #server(NtlmServerConfig)}. Thread-safe: contexts share only the challenge ledger and the
 * random source, both thread-safe.
 *
 * <p>NTLM cannot prove the server's identity: a client that asks for MUTUAL_AUTH is refused.
 */
public final class NtlmSecurityProvider implements SecurityProvider {
  /** Outstanding challenges a server remembers; far above any real number of concurrent binds. */
  private static final int LEDGER_CAPACITY = 100_000;

  private final NtlmServerConfig serverConfig;
  private final ChallengeLedger ledger;
  private final SecureRandom random;
  private final Clock clock;
  private final String workstation;

  private NtlmSecurityProvider(NtlmServerConfig serverConfig, SecureRandom random, String workstation) {
    this.serverConfig = serverConfig;
    this.random = random;
    this.clock = serverConfig != null ? serverConfig.clock() : Clock.systemUTC();
    this.workstation = workstation;
    this.ledger =
        serverConfig == null
            ? null
            : new ChallengeLedger(LEDGER_CAPACITY, serverConfig.maxClockSkew().plus(Duration.ofMinutes(5)), clock);
  }

  /** A provider with only the client side. */
  public static NtlmSecurityProvider client() {
    return new NtlmSecurityProvider(null, new SecureRandom(), "");
  }

  /** A provider with both sides; the server verifies against {@code config.accounts()}. */
  public static NtlmSecurityProvider server(NtlmServerConfig config) {
    return new NtlmSecurityProvider(Objects.requireNonNull(config, "config"), new SecureRandom(), "");
  }

  /** For tests and reproducible runs: a provider with a given random source (and server config, may be null). */
  static NtlmSecurityProvider withRandom(NtlmServerConfig config, SecureRandom random) {
    return new NtlmSecurityProvider(config, random, "");
  }

  @Override
  public AuthnService service() {
    return AuthnService.WINNT;
  }

  @Override
  public ClientSecurityContext newClientContext(ClientContextRequest request) throws SecurityContextException {
    return newNtlmClientContext(request);
  }

  /** {@link #newClientContext} with the NTLM-specific type (for SPNEGO). */
  public NtlmClientContext newNtlmClientContext(ClientContextRequest request) throws SecurityContextException {
    if (request.qos().mutualAuth()) {
      throw new SecurityContextException(
          SecurityStatus.UNSUPPORTED_FUNCTION,
          "NTLM cannot authenticate the server; mutual authentication needs Kerberos or Negotiate");
    }
    return new NtlmClientContext(request, workstation, random, clock);
  }

  @Override
  public ServerSecurityContext newServerContext(ServerContextRequest request) throws SecurityContextException {
    return newNtlmServerContext(request);
  }

  /** {@link #newServerContext} with the NTLM-specific type (for SPNEGO). */
  public NtlmServerContext newNtlmServerContext(ServerContextRequest request) throws SecurityContextException {
    if (serverConfig == null) {
      throw new SecurityContextException(
          SecurityStatus.UNSUPPORTED_FUNCTION, "this NTLM provider was built without server credentials (an account store)");
    }
    return new NtlmServerContext(serverConfig, ledger, random, request.level());
  }
}
