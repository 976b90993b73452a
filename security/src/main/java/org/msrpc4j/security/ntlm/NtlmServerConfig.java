package org.msrpc4j.security.ntlm;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.msrpc4j.security.accounts.AccountStore;

/**
 * How an NTLM server authenticates: the account store, the names it announces, and policy.
 * Immutable; thread-safe. Build with {@link #builder(AccountStore)}.
 */
public final class NtlmServerConfig {
  private final AccountStore accounts;
  private final String computerName;
  private final String dnsComputerName;
  private final boolean allowAnonymous;
  private final boolean allowNtlmV1;
  private final Duration maxClockSkew;
  private final Set<String> acceptedTargetNames;
  private final Clock clock;

  private NtlmServerConfig(Builder b) {
    this.accounts = b.accounts;
    this.computerName = b.computerName;
    this.dnsComputerName =
        b.dnsComputerName != null
            ? b.dnsComputerName
            : accounts.realm().isEmpty()
                ? computerName.toLowerCase(Locale.ROOT)
                : computerName.toLowerCase(Locale.ROOT) + "." + accounts.realm().toLowerCase(Locale.ROOT);
    this.allowAnonymous = b.allowAnonymous;
    this.allowNtlmV1 = b.allowNtlmV1;
    this.maxClockSkew = b.maxClockSkew;
    this.acceptedTargetNames = b.acceptedTargetNames.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    this.clock = b.clock;
  }

  /** A builder with defaults: computer name MSRPC4J, anonymous allowed, NTLMv1 refused, skew 5 min. */
  public static Builder builder(AccountStore accounts) {
    return new Builder(accounts);
  }

  /** The identity source the server verifies against. */
  public AccountStore accounts() {
    return accounts;
  }

  /** The NetBIOS computer name announced in the CHALLENGE. */
  public String computerName() {
    return computerName;
  }

  /** The DNS computer name announced in the CHALLENGE. */
  public String dnsComputerName() {
    return dnsComputerName;
  }

  /** Whether null sessions (anonymous NTLM) are accepted. */
  public boolean allowAnonymous() {
    return allowAnonymous;
  }

  /** Whether NTLMv1 responses are accepted (unsafe: crackable, no MIC). */
  public boolean allowNtlmV1() {
    return allowNtlmV1;
  }

  /** The largest accepted difference between the client's NTLMv2 timestamp and the server clock. */
  public Duration maxClockSkew() {
    return maxClockSkew;
  }

  /** When not empty, the MsvAvTargetName values (SPNs) accepted, lower-cased. */
  public Set<String> acceptedTargetNames() {
    return acceptedTargetNames;
  }

  /** The clock for timestamps, skew checks and challenge expiry. */
  public Clock clock() {
    return clock;
  }

  /** Builds a {@link NtlmServerConfig}; not thread-safe. */
  public static final class Builder {
    private final AccountStore accounts;
    private String computerName = "MSRPC4J";
    private String dnsComputerName;
    private boolean allowAnonymous = true;
    private boolean allowNtlmV1;
    private Duration maxClockSkew = Duration.ofMinutes(5);
    private Set<String> acceptedTargetNames = Set.of();
    private Clock clock = Clock.systemUTC();

    private Builder(AccountStore accounts) {
      this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** The NetBIOS computer name to announce (upper-cased). */
    public Builder computerName(String name) {
      this.computerName = Objects.requireNonNull(name).toUpperCase(Locale.ROOT);
      return this;
    }

    /** The DNS computer name to announce (default: computer name + realm, lower case). */
    public Builder dnsComputerName(String name) {
      this.dnsComputerName = Objects.requireNonNull(name);
      return this;
    }

    /** Accept null sessions (anonymous NTLM); default true. */
    public Builder allowAnonymous(boolean allow) {
      this.allowAnonymous = allow;
      return this;
    }

    /** Accept NTLMv1 responses. Unsafe: v1 responses can be cracked offline and carry no MIC. */
    public Builder allowNtlmV1(boolean allow) {
      this.allowNtlmV1 = allow;
      return this;
    }

    /** The largest accepted NTLMv2 timestamp skew; default 5 minutes. */
    public Builder maxClockSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("negative clock skew");
      }
      this.maxClockSkew = skew;
      return this;
    }

    /** Only accept clients whose MsvAvTargetName, when present and not empty, is one of these. */
    public Builder acceptedTargetNames(Set<String> names) {
      this.acceptedTargetNames = Set.copyOf(names);
      return this;
    }

    /** The clock (tests move it). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The immutable configuration. */
    public NtlmServerConfig build() {
      return new NtlmServerConfig(this);
    }
  }
}
