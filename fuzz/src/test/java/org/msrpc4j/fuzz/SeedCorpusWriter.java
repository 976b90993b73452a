package org.msrpc4j.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptorBinary;
import org.msrpc4j.kerberos.gss.GssFraming;
import org.msrpc4j.kerberos.setup.KerberosProviders;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.SecurityProvider;
import org.msrpc4j.security.accounts.AccountStore;

/**
 * Writes the seeds that a loopback capture cannot give: real Kerberos AP-REQs (raw GSS and inside
 * SPNEGO) from an embedded KDC together with the service keytab that decrypts them, and security
 * descriptors from [MS-DTYP]'s SDDL examples in both encodings. The PDU, NDR and NTLM seeds come
 * from {@code fuzz/seeds/extract-seeds.py} over a tshark capture.
 *
 * <p>Run by hand when the seeds must change: {@code fuzz/seeds/write-seeds}.
 */
public final class SeedCorpusWriter {
  /** Descriptors from [MS-DTYP] 2.5.1 and 2.4.4.17, and shapes the store creates. */
  static final List<String> SDDL = List.of(
      "O:AOG:DAD:(A;;RPWPCCDCLCSWRCWDWOGA;;;S-1-0-0)",
      "O:DAG:DAD:(A;;RPWPCCDCLCRCWOWDSDSW;;;SY)(A;;RPWPCCDCLCRCWOWDSDSW;;;DA)(OA;;CCDC;bf967aba-0de6-11d0-a285-00aa003049e2;;AO)",
      "O:BAG:SYD:PAI(A;OICI;FA;;;BA)(A;OICIIO;GA;;;CO)(D;;WD;;;WD)S:AI(ML;;NW;;;HI)(AU;SAFA;FA;;;WD)",
      "D:(XA;;FX;;;S-1-1-0;(@User.Title==\"PM\" && (@User.Division==\"Finance\" || @User.Division==\"Sales\")))",
      "S:(RA;;;;;WD;(\"Project\",TS,0,\"Windows\",\"SQL\"))(SP;;;;;S-1-17-1)",
      "D:ARAI(A;;0x1200a9;;;AU)(A;ID;FA;;;S-1-5-21-1111111111-2222222222-3333333333-1104)");

  private SeedCorpusWriter() {}

  /**
   * @param args the resources directory (fuzz/src/test/resources/org/msrpc4j/fuzz)
   */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    writeKerberos(root);
    for (String text : SDDL) {
      write(root.resolve("SecurityDescriptorFuzzTestInputs/descriptors"), 1, text.getBytes(StandardCharsets.ISO_8859_1));
      write(root.resolve("SecurityDescriptorFuzzTestInputs/descriptors"), 0,
          SecurityDescriptorBinary.encode(Sddl.parse(text, SecurityDescriptorFuzzTest.DOMAIN)));
    }
  }

  private static void writeKerberos(Path root) throws Exception {
    AccountStore store = AccountStore.parse(NtlmFuzzTest.ACCOUNTS, "fuzz");
    Path dir = Files.createTempDirectory("seed-kdc");
    try (KerberosProviders.EmbeddedRealm realm = KerberosProviders.embedded(store, "127.0.0.1", 0,
        List.of("host/rpc1.example.test"), dir.resolve("krb5.conf"), null)) {
      Files.write(root.resolve("kerberos-service.keytab"), realm.keytab().toBytes());
      List<SecurityProvider> clients = KerberosProviders.client(realm.clientConfig(), null);
      Path out = root.resolve("KerberosFuzzTestInputs/tokens");
      for (AuthnLevel level : List.of(AuthnLevel.PKT_INTEGRITY, AuthnLevel.PKT_PRIVACY)) {
        byte[] krb = token(clients.get(0), level);
        byte[] spnego = token(clients.get(1), level);
        write(out, 1, krb);
        write(out, 0, spnego);
        write(out, 2, spnego);
        write(out, 2, GssFraming.unframe(krb).message());
      }
    }
  }

  private static byte[] token(SecurityProvider provider, AuthnLevel level) throws Exception {
    return provider.newClientContext(new ClientContextRequest(
        ClientIdentity.password("EXAMPLE.TEST", "alice", "Alic3Pass!x".toCharArray()), "host/rpc1.example.test", level, null))
        .initialize(null).token();
  }

  private static void write(Path dir, int selector, byte[] body) throws IOException, NoSuchAlgorithmException {
    byte[] seed = new byte[body.length + 1];
    seed[0] = (byte) selector;
    System.arraycopy(body, 0, seed, 1, body.length);
    Files.createDirectories(dir);
    Files.write(dir.resolve(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed))), seed);
  }
}
