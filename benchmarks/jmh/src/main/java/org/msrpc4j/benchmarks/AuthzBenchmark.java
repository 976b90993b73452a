package org.msrpc4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.msrpc4j.authz.AccessCheck;
import org.msrpc4j.authz.AccessCheckResult;
import org.msrpc4j.authz.AccessMasks;
import org.msrpc4j.authz.GenericMapping;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityFormatException;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authorization hot paths a server runs per call or per opened object: AccessCheck of a
 * realistic file-share descriptor (10 DACL ACEs: deny, inherited and explicit allows for domain
 * groups, well-known SIDs) for a domain user's token with 20 groups, and SDDL parsing of the
 * [MS-DTYP] 2.5.1.4 example and of a larger descriptor (the same 10 ACEs plus a SACL).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuthzBenchmark {
  private static final Sid DOMAIN = Sid.parse("S-1-5-21-1111111111-2222222222-3333333333");

  /** [MS-DTYP] 2.5.1.4's worked example. */
  static final String SPEC_SDDL =
      "O:BAG:BAD:P(A;CIOI;GRGX;;;BU)(A;CIOI;GA;;;BA)(A;CIOI;GA;;;SY)(A;CIOI;GA;;;CO)S:P(AU;FA;GR;;;WD)";

  /** Ten DACL ACEs; the token matches the last allow, so the check walks the whole DACL. */
  static final String SHARE_SDDL =
      "O:DAG:DUD:AI"
          + "(D;OICI;WDWO;;;S-1-5-21-1111111111-2222222222-3333333333-1299)"
          + "(A;OICI;FA;;;SY)"
          + "(A;OICI;FA;;;BA)"
          + "(A;OICI;FA;;;DA)"
          + "(A;OICIIO;GA;;;CO)"
          + "(A;OICIID;0x1200a9;;;S-1-5-21-1111111111-2222222222-3333333333-1250)"
          + "(A;OICIID;0x1301bf;;;S-1-5-21-1111111111-2222222222-3333333333-1251)"
          + "(A;OICI;0x1200a9;;;AU)"
          + "(A;;0x100116;;;S-1-5-21-1111111111-2222222222-3333333333-1219)"
          + "(A;OICI;0x1301bf;;;S-1-5-21-1111111111-2222222222-3333333333-1260)"
          + "S:AI(AU;OICISA;FA;;;WD)(AU;OICIFA;WDWO;;;S-1-5-21-1111111111-2222222222-3333333333-1299)";

  private SecurityDescriptor share;
  private Token token;

  @Setup(Level.Trial)
  public void objects() throws SecurityFormatException {
    share = Sddl.parse(SHARE_SDDL, DOMAIN);
    Token.Builder b = Token.builder(DOMAIN.withRid(1104)).group(Sid.EVERYONE).group(Sid.parse("S-1-5-11"))
        .group(Sid.parse("S-1-5-32-545")).group(DOMAIN.withRid(513));
    for (int i = 0; i < 16; i++) {
      b.group(DOMAIN.withRid(1200 + 4 * i)); // 1200..1260 step 4: includes 1260, not 1250/1251/1299
    }
    token = b.build();
    if (token.groups().size() != 20) {
      throw new IllegalStateException("the token should have 20 groups, has " + token.groups().size());
    }
    int desired = AccessMasks.MAXIMUM_ALLOWED;
    if (!AccessCheck.check(share, token, desired, GenericMapping.FILE).isGranted()) {
      throw new IllegalStateException("the benchmark token should be granted access");
    }
  }

  @Benchmark
  public AccessCheckResult accessCheckMaximumAllowed() {
    return AccessCheck.check(share, token, AccessMasks.MAXIMUM_ALLOWED, GenericMapping.FILE);
  }

  @Benchmark
  public AccessCheckResult accessCheckRead() {
    return AccessCheck.check(share, token, AccessMasks.FILE_GENERIC_READ, GenericMapping.FILE);
  }

  @Benchmark
  public SecurityDescriptor parseSpecExample() throws SecurityFormatException {
    return Sddl.parse(SPEC_SDDL);
  }

  @Benchmark
  public SecurityDescriptor parseShareDescriptor() throws SecurityFormatException {
    return Sddl.parse(SHARE_SDDL, DOMAIN);
  }
}
