package org.msrpc4j.cli;

import java.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.kerberos.gss.DefaultCacheResolver;
import org.msrpc4j.kerberos.gss.KerberosSecurityProvider;
import org.msrpc4j.kerberos.spnego.NegotiateSecurityProvider;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.auth.ClientSecurity;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.CurrentCredentialsResolver;
import org.msrpc4j.security.NtHash;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.SecurityProviderRegistry;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import picocli.CommandLine.Option;

/**
 * The authentication options every client command shares (a picocli mixin), in Samba's style:
 * {@code -U [DOMAIN/]user[%password]}, {@code --nthash}, {@code --auth}, {@code --level},
 * {@code --spn}, {@code --no-header-signing}, plus the string-binding options {@code [sign]},
 * {@code [seal]}, {@code [connect]}, {@code [ntlm]}, {@code [spnego]}, {@code [krb5]}. Explicit
 * options win over binding options.
 *
 * <p>Without a user and without any level or service option the calls are unauthenticated; with a
 * level or service but no user, NTLM authenticates anonymously (a null session); with a user the
 * default level is packet integrity. Passwords are never printed. Not thread-safe (picocli fills
 * it once).
 */
public final class AuthOptions {
  // Public (with security, resolve, apply and Resolved) for commands in sub-packages such as cli.bench.
  @Option(names = {"-U", "--user"}, paramLabel = "[DOMAIN/]USER[%PASSWORD]",
      description = "Authenticate as this user (DOMAIN\\USER also accepted). Without %%PASSWORD and --nthash the password is asked for.")
  String user;

  @Option(names = "--nthash", paramLabel = "HEX", description = "The user's NT hash (32 hex digits) instead of a password.")
  String ntHash;

  @Option(names = "--auth", paramLabel = "SERVICE", description = "ntlm | kerberos | negotiate | none (default: ntlm when authenticating).")
  String auth;

  @Option(names = "--level", paramLabel = "LEVEL",
      description = "none | connect | call | pkt | integrity | privacy (default: integrity with -U; [sign]/[seal] in the binding also set it).")
  String level;

  @Option(names = "--spn", paramLabel = "SPN", description = "The server principal name (default: host/<server>).")
  String spn;

  @Option(names = "--no-header-signing", description = "Do not ask for PFC_SUPPORT_HEADER_SIGN in bind.")
  boolean noHeaderSigning;

  @Option(names = {"-k", "--kerberos"},
      description = "Use Kerberos: the credential cache (KRB5CCNAME) unless -U gives a password; krb5.conf from KRB5_CONFIG. SPNEGO unless [krb5] or --auth says otherwise.")
  boolean kerberos;

  /** What the options and the binding resolve to. */
  public record Resolved(AuthnLevel level, AuthnService service, ClientIdentity identity, String spn) {
    public boolean authenticated() {
      return level != AuthnLevel.NONE && service != AuthnService.NONE;
    }
  }

  /** The client security settings (providers, header signing). */
  public ClientSecurity security() {
    NtlmSecurityProvider ntlm = NtlmSecurityProvider.client();
    KerberosSecurityProvider krb = kerberosProvider();
    List<SecurityProvider> providers = new ArrayList<>(List.of(ntlm, new NegotiateSecurityProvider(krb, ntlm)));
    if (krb != null) {
      providers.add(krb);
    }
    return ClientSecurity.defaults()
        .withProviders(SecurityProviderRegistry.of(providers))
        .withCurrentCredentials(CurrentCredentialsResolver.firstOf(
            List.of(ClientSecurity.defaultResolver(), new DefaultCacheResolver())))
        .withHeaderSigning(!noHeaderSigning);
  }

  /** Kerberos when a krb5.conf is configured (KRB5_CONFIG or /etc/krb5.conf), else null. */
  private static KerberosSecurityProvider kerberosProvider() {
    try {
      return Krb5Config.fromEnvironment()
          .map(c -> KerberosSecurityProvider.builder().clientConfig(c).build())
          .orElse(null);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Works out level, service and identity from the options and the binding's options.
   *
   * @throws IllegalArgumentException with a message for the user when an option is malformed
   */
  public Resolved resolve(RpcBinding binding) {
    Map<String, String> opts = binding.options();
    AuthnLevel lvl = null;
    if (opts.containsKey("connect")) {
      lvl = AuthnLevel.CONNECT;
    }
    if (opts.containsKey("sign")) {
      lvl = AuthnLevel.PKT_INTEGRITY;
    }
    if (opts.containsKey("seal")) {
      lvl = AuthnLevel.PKT_PRIVACY;
    }
    if (level != null) {
      lvl = parseLevel(level);
    }
    AuthnService svc = null;
    if (opts.containsKey("ntlm")) {
      svc = AuthnService.WINNT;
    }
    if (opts.containsKey("spnego")) {
      svc = AuthnService.GSS_NEGOTIATE;
    }
    if (opts.containsKey("krb5")) {
      svc = AuthnService.GSS_KERBEROS;
    }
    if (auth != null) {
      svc = parseService(auth);
    }
    if (svc == null && kerberos) {
      svc = AuthnService.GSS_NEGOTIATE;
    }
    boolean wantsAuth = user != null || lvl != null || svc != null || kerberos;
    if (!wantsAuth || svc == AuthnService.NONE || lvl == AuthnLevel.NONE) {
      return new Resolved(AuthnLevel.NONE, AuthnService.NONE, null, "");
    }
    if (lvl == null) {
      lvl = AuthnLevel.PKT_INTEGRITY;
    }
    if (svc == null) {
      svc = AuthnService.WINNT;
    }
    String target = spn != null ? spn : "host/" + binding.host();
    // -k without a password: null = the current thread's credentials (the credential cache).
    ClientIdentity id = kerberos && (user == null || user.indexOf('%') < 0) && ntHash == null ? null : identity();
    return new Resolved(lvl, svc, id, target);
  }

  /** Applies the resolved settings to {@code channel} (nothing when unauthenticated). */
  public Resolved apply(RpcChannel channel, RpcBinding binding) throws RpcException {
    Resolved r = resolve(binding);
    if (r.authenticated()) {
      channel.setAuthInfo(r.spn(), r.level(), r.service(), r.identity(), AuthzService.NONE);
    }
    return r;
  }

  private ClientIdentity identity() {
    if (user == null) {
      if (ntHash != null) {
        throw new IllegalArgumentException("--nthash needs -U USER");
      }
      return ClientIdentity.anonymous();
    }
    String u = user;
    char[] password = null;
    int pct = u.indexOf('%');
    if (pct >= 0) {
      password = u.substring(pct + 1).toCharArray();
      u = u.substring(0, pct);
    }
    String domain = "";
    int sep = Math.max(u.indexOf('/'), u.indexOf('\\'));
    if (sep >= 0) {
      domain = u.substring(0, sep);
      u = u.substring(sep + 1);
    }
    if (u.isEmpty()) {
      throw new IllegalArgumentException("-U needs a user name");
    }
    if (ntHash != null) {
      try {
        return ClientIdentity.ntHash(domain, u, NtHash.fromHex(ntHash));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--nthash: " + e.getMessage());
      }
    }
    if (password == null) {
      Console console = System.console();
      if (console == null) {
        throw new IllegalArgumentException("no password: give -U USER%PASSWORD or --nthash (no terminal to ask on)");
      }
      password = console.readPassword("Password for %s: ", (domain.isEmpty() ? "" : domain + "\\") + u);
      if (password == null) {
        throw new IllegalArgumentException("no password given");
      }
    }
    return ClientIdentity.password(domain, u, password);
  }

  static AuthnLevel parseLevel(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "none" -> AuthnLevel.NONE;
      case "connect" -> AuthnLevel.CONNECT;
      case "call" -> AuthnLevel.CALL;
      case "pkt", "packet" -> AuthnLevel.PKT;
      case "integrity", "pkt_integrity", "sign" -> AuthnLevel.PKT_INTEGRITY;
      case "privacy", "pkt_privacy", "seal" -> AuthnLevel.PKT_PRIVACY;
      default -> throw new IllegalArgumentException("unknown level '" + s + "' (none, connect, call, pkt, integrity, privacy)");
    };
  }

  static AuthnService parseService(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "none" -> AuthnService.NONE;
      case "ntlm", "winnt" -> AuthnService.WINNT;
      case "kerberos", "krb5" -> AuthnService.GSS_KERBEROS;
      case "negotiate", "spnego" -> AuthnService.GSS_NEGOTIATE;
      default -> throw new IllegalArgumentException("unknown authentication service '" + s + "' (ntlm, kerberos, negotiate, none)");
    };
  }
}
