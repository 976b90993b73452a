package org.msrpc4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdlCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cl = Msrpc.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void compilesAnInterfaceWithImportAndAcf() throws Exception {
    Path inc = Files.createDirectories(dir.resolve("inc"));
    Files.writeString(inc.resolve("base.idl"), "typedef unsigned long DWORD;\n");
    Files.writeString(dir.resolve("echo.idl"), """
        import "base.idl";
        [uuid(60a15ec3-4de8-11d7-a637-005056a20182), version(1.0), pointer_default(unique)]
        interface rpcecho {
          DWORD EchoData([in] DWORD len, [in, size_is(len)] byte in_data[], [out, size_is(len)] byte out_data[]);
        }
        """);
    Files.writeString(dir.resolve("echo.acf"), "[explicit_handle] interface rpcecho { }\n");
    Path outDir = dir.resolve("gen");
    int code = run("idl", "--acf", dir.resolve("echo.acf").toString(), "-I", inc.toString(),
        "--package", "org.example.echo", "-o", outDir.toString(), dir.resolve("echo.idl").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(outDir.resolve("org/example/echo/RpcechoClient.java")).exists();
    assertThat(Files.readString(outDir.resolve("org/example/echo/RpcechoServer.java")))
        .contains("echoData(RpcCall call, int len, byte[] inData)");
    assertThat(out.toString()).contains("wrote");
  }

  @Test
  void anIdlErrorExitsOneNamingFileLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("bad.idl"), "[uuid(60a15ec3-4de8-11d7-a637-005056a20182)]\ninterface x {\n  typedef struct { NOSUCH a; } T;\n}\n");
    int code = run("idl", "--package", "p", "-o", dir.resolve("gen").toString(), dir.resolve("bad.idl").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("bad.idl:3:20: unknown type 'NOSUCH'");
  }

  @Test
  void aMissingFileExitsOneWithAClearMessage() {
    int code = run("idl", "--package", "p", "-o", dir.toString(), dir.resolve("none.idl").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot read IDL file").contains("none.idl");
  }

  @Test
  void missingPackageIsAUsageError() {
    assertThat(run("idl", "-o", dir.toString(), "x.idl")).isEqualTo(2);
    assertThat(err.toString()).contains("--package");
  }
}
