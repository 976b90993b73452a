package org.msrpc4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.msrpc4j.kerberos.asn1.Asn1Exception;
import org.msrpc4j.kerberos.asn1.DerValue;
import org.msrpc4j.kerberos.asn1.KerberosAsn1;
import org.msrpc4j.kerberos.client.KerberosException;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.gss.GssFraming;
import org.msrpc4j.kerberos.pac.PacFormatException;
import org.msrpc4j.kerberos.setup.KerberosProviders;
import org.msrpc4j.kerberos.spnego.SpnegoTokens;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.ServerContextRequest;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.ntlm.NtlmSecurityProvider;
import org.msrpc4j.security.ntlm.NtlmServerConfig;

/**
 * SPNEGO and the Kerberos AP-REQ path as a server receives them: the Negotiate acceptor (SPNEGO
 * NegTokenInit, mechListMIC, NTLM fallback), the Kerberos acceptor (GSS framing, AP-REQ, ticket
 * decryption with the service key, authenticator, PAC), and the ASN.1 decoders on their own.
 *
 * <p>The service keytab {@code kerberos-service.keytab} was written with the seed tickets by
 * {@link SeedCorpusWriter}, so the seeds decrypt and the fuzzer starts past the ticket check.
 *
 * <p>Contract: {@link SecurityContextException} from acceptors; {@link Asn1Exception},
 * {@link KerberosException} or {@link PacFormatException} from the decoders; nothing else.
 */
class KerberosFuzzTest {
  private static final List<SecurityProvider> SERVER = server();

  private static List<SecurityProvider> server() {
    try (InputStream in = KerberosFuzzTest.class.getResourceAsStream("kerberos-service.keytab")) {
      if (in == null) {
        throw new IllegalStateException("kerberos-service.keytab is missing from the test resources");
      }
      Keytab keytab = Keytab.parse(in.readAllBytes());
      AccountStore accounts = AccountStore.parse(NtlmFuzzTest.ACCOUNTS, "fuzz");
      NtlmSecurityProvider ntlm = NtlmSecurityProvider.server(NtlmServerConfig.builder(accounts).build());
      return KerberosProviders.server(keytab, accounts, ntlm, null);
    } catch (IOException | KerberosException | RuntimeException e) {
      throw new IllegalStateException("cannot set up the Kerberos acceptor", e);
    } catch (Exception e) {
      throw new IllegalStateException("the fuzz account store does not parse", e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void tokens(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /** The libFuzzer-style entry point; byte 0 picks Negotiate (0), Kerberos (1) or the bare decoders (2). */
  public static void fuzzerTestOneInput(byte[] input) {
    if (input.length < 1) {
      return;
    }
    byte[] token = Arrays.copyOfRange(input, 1, input.length);
    switch ((input[0] & 0xff) % 3) {
      case 0 -> accept(SERVER.get(1), token);
      case 1 -> accept(SERVER.get(0), token);
      default -> {
        Set<Class<? extends Exception>> allowed = Set.of(Asn1Exception.class, KerberosException.class,
            PacFormatException.class);
        Documented.run(() -> DerValue.parse(token).children(), allowed);
        Documented.run(() -> GssFraming.unframe(token), allowed);
        Documented.run(() -> KerberosAsn1.apReq(token), allowed);
        Documented.run(() -> KerberosAsn1.authenticator(token), allowed);
        Documented.run(() -> SpnegoTokens.parseInit(token), allowed);
        Documented.run(() -> SpnegoTokens.parseResp(token), allowed);
      }
    }
  }

  private static void accept(SecurityProvider provider, byte[] token) {
    Documented.run(() -> provider.newServerContext(new ServerContextRequest(AuthnLevel.PKT_PRIVACY)).accept(token),
        Set.of(SecurityContextException.class));
  }
}
