package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code msrpc demo} in-process (embedded KDC, real server, real clients) and reads the transcript. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoTellsEverySeedStepAndExitsZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Msrpc()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute("demo", "--no-color", "--data", dir.toString());
    String t = out.toString();
    assertThat(exit).as("exit code; stderr: %s; transcript:%n%s", err, t).isZero();
    assertThat(t)
        .contains("Spn.make(\"host\", \"localhost\")").contains("-> host/localhost")
        .contains("refused with 87")
        // alice with Kerberos at privacy, as the server saw her
        .contains("the server sees DEMO\\alice at level 6 (service 16)")
        .contains("the token carries alice's group engineers")
        // the inheritable ACL reached the file
        .contains("CreateObject(\"/\", \"projects\", container, \"D:P(A;OICI;GA;;;")
        .containsPattern("O:S-1-5-21-[0-9-]+-1104D:\\(A;ID;")
        // bob (NTLM, integrity) denied, then granted
        .contains("ReadObject returned 5 (ERROR_ACCESS_DENIED)")
        .contains("ReadObject /projects/plan.txt by DEMO\\bob at level 5 (PKT_INTEGRITY) -> 5 (ERROR_ACCESS_DENIED)")
        .contains("bob reads \"launch on Friday\"")
        // anonymous impersonation fails with 1765
        .contains("RpcImpersonateClient failed with 1765 (RPC_S_NO_CONTEXT_AVAILABLE)")
        // the pinned context handle
        .contains("ReadObject on the handle arrived at level 5 (integrity); a new call on the binding, WhoAmI, at level 6 (privacy)")
        // each call's level as the server saw it
        .containsPattern("server: SetObjectSecurity +/projects/plan.txt +DEMO\\\\alice +level 6 PKT_PRIVACY")
        .contains("demo: every step went as told.")
        .doesNotContain("UNEXPECTED")
        .doesNotContain("\u001b[");
    // The random demo passwords are printed only with --keep-running.
    assertThat(t).doesNotContain("%");
  }
}
