package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The sddl, access-check and inherit commands: output and exit codes. */
class SddlCommandTest {
  private static final String SPEC =
      "O:BAG:BAD:P(A;CIOI;GRGX;;;BU)(A;CIOI;GA;;;BA)(A;CIOI;GA;;;SY)(A;CIOI;GA;;;CO)S:P(AU;FA;GR;;;WD)";

  record Run(int exit, String out, String err) {}

  static synchronized Run run(Callable<Integer> command, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(command).execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void sddlPrintsCanonicalFormHexAndBack() {
    Run canonical = run(new SddlCommand(), SPEC);
    assertThat(canonical.exit()).isZero();
    assertThat(canonical.out())
        .isEqualTo("O:BAG:BAD:P(A;OICI;GXGR;;;BU)(A;OICI;GA;;;BA)(A;OICI;GA;;;SY)(A;OICI;GA;;;CO)S:P(AU;FA;GR;;;WD)");
    Run hex = run(new SddlCommand(), "--hex", SPEC);
    assertThat(hex.out()).startsWith("010014b090000000a00000001400000030000000").hasSize(352);
    Run back = run(new SddlCommand(), "--from-hex", hex.out());
    assertThat(back.out()).isEqualTo(canonical.out());
  }

  @Test
  void sddlDomainAliasesAndExplain() {
    Run r = run(new SddlCommand(), "--domain-sid", "S-1-5-21-1-2-3", "O:S-1-5-21-1-2-3-512D:(A;;FA;;;DU)");
    assertThat(r.out()).isEqualTo("O:DAD:(A;;FA;;;DU)");
    Run e = run(new SddlCommand(), "--explain", "O:BAD:(A;OICI;FA;;;WD)");
    assertThat(e.out()).contains("owner:   BA (S-1-5-32-544)").contains("ACCESS_ALLOWED").contains("OICI")
        .contains("0x001f01ff").contains("WD (S-1-1-0)");
  }

  @Test
  void sddlBadInputExitsTwoWithPosition() {
    Run r = run(new SddlCommand(), "D:(A;;GA;;;XX)");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("position 11").contains("unknown SID alias");
    assertThat(run(new SddlCommand(), "--from-hex", "0100").exit()).isEqualTo(2);
    assertThat(run(new SddlCommand(), "--from-hex", "zz").exit()).isEqualTo(2);
    assertThat(run(new SddlCommand()).exit()).isEqualTo(2);
  }

  @Test
  void accessCheckExitCodes() {
    String sd = "O:BAD:(D;;0x116;;;S-1-5-21-1-2-3-1104)(A;;FA;;;BU)";
    Run granted = run(new AccessCheckCommand(), "--sd", sd, "--user", "S-1-5-21-1-2-3-1104", "--group", "BU",
        "--desired", "FR");
    assertThat(granted.exit()).isZero();
    assertThat(granted.out()).isEqualTo("0x00120089");
    Run denied = run(new AccessCheckCommand(), "--sd", sd, "--user", "S-1-5-21-1-2-3-1104", "--group", "BU",
        "--desired", "FW");
    assertThat(denied.exit()).isEqualTo(1);
    Run mapped = run(new AccessCheckCommand(), "--sd", sd, "--user", "S-1-5-21-1-2-3-1105", "--group", "BU",
        "--desired", "0x80000000", "--mapping", "file");
    assertThat(mapped.out()).isEqualTo("0x00120089");
    Run denyOnly = run(new AccessCheckCommand(), "--sd", "O:SYD:(A;;FA;;;BA)", "--user", "S-1-5-21-1-2-3-1105",
        "--deny-only-group", "BA", "--desired", "FR");
    assertThat(denyOnly.exit()).isEqualTo(1);
    Run noPrivilege = run(new AccessCheckCommand(), "--sd", "O:SYD:(A;;FA;;;WD)", "--user", "WD", "--desired", "AS");
    assertThat(noPrivilege.exit()).isEqualTo(1);
    Run privilege = run(new AccessCheckCommand(), "--sd", "O:SYD:(A;;FA;;;WD)", "--user", "WD", "--desired", "AS",
        "--privilege", "SeSecurityPrivilege");
    assertThat(privilege.exit()).isZero();
    Run lowIntegrity = run(new AccessCheckCommand(), "--sd", "O:SYD:(A;;FA;;;WD)S:(ML;;NW;;;HI)", "--user", "WD",
        "--integrity", "ME", "--desired", "FW");
    assertThat(lowIntegrity.exit()).isEqualTo(1);
    assertThat(run(new AccessCheckCommand(), "--sd", "D:(", "--user", "WD", "--desired", "1").exit()).isEqualTo(2);
    assertThat(run(new AccessCheckCommand(), "--sd", "D:", "--user", "WD", "--desired", "QQ").exit()).isEqualTo(2);
    assertThat(run(new AccessCheckCommand(), "--sd", "D:", "--user", "WD", "--desired", "1", "--mapping", "x")
        .exit()).isEqualTo(2);
  }

  @Test
  void inheritPrintsTheChildDescriptor() {
    String parent = "O:BAG:BAD:(A;OICI;FA;;;BA)(A;OICIIO;GA;;;CO)(A;CI;0x100004;;;BU)(A;OINP;FR;;;AU)";
    Run container = run(new InheritCommand(), "--parent", parent, "--container", "--owner", "S-1-5-21-1-2-3-1104",
        "--group", "DU", "--domain-sid", "S-1-5-21-1-2-3");
    assertThat(container.exit()).isZero();
    assertThat(container.out()).isEqualTo("O:S-1-5-21-1-2-3-1104G:DUD:AI(A;OICIID;FA;;;BA)"
        + "(A;ID;FA;;;S-1-5-21-1-2-3-1104)(A;OICIIOID;GA;;;CO)(A;CIID;0x100004;;;BU)");
    Run object = run(new InheritCommand(), "--parent", parent, "--object", "--owner", "BA", "--group", "BA",
        "--no-auto-inherit");
    assertThat(object.out()).isEqualTo("O:BAG:BAD:(A;ID;FA;;;BA)(A;ID;FA;;;BA)(A;ID;FR;;;AU)");
    assertThat(run(new InheritCommand(), "--parent", "D:", "--object", "--container", "--owner", "BA", "--group",
        "BA").exit()).isEqualTo(2);
    assertThat(run(new InheritCommand(), "--parent", "D:(", "--object", "--owner", "BA", "--group", "BA").exit())
        .isEqualTo(2);
  }
}
