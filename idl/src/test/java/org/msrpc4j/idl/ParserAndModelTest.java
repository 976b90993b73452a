package org.msrpc4j.idl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.idl.model.IdlModel;
import org.msrpc4j.idl.model.InterfaceModel;
import org.msrpc4j.idl.model.ModelBuilder;

class ParserAndModelTest {
  @TempDir Path dir;

  private IdlModel build(String idl, String acf) throws Exception {
    Path file = dir.resolve("t.idl");
    Files.writeString(file, idl);
    Path acfFile = null;
    if (acf != null) {
      acfFile = dir.resolve("t.acf");
      Files.writeString(acfFile, acf);
    }
    return new ModelBuilder(new IncludePath(List.of(dir))).build(file, acfFile);
  }

  private static final String HEADER = "[uuid(12345678-1234-ABCD-EF00-0123456789AB), version(2.1), pointer_default(ref), ms_union,\n"
      + " endpoint(\"ncacn_np:[\\\\pipe\\\\demo]\", \"ncacn_ip_tcp:[135]\")]\n";

  @Test
  void interfaceAttributesOperationsAndCallAsGetOpnums() throws Exception {
    IdlModel m = build(HEADER + """
        interface demo {
          const unsigned long MAX = 0x10 << 2;
          typedef [v1_enum] enum { A = 1, B, C = MAX } E;
          long Op0([in] handle_t h);
          [local] long LocalOnly(void);
          [call_as(LocalOnly)] long RemoteOp([in, range(0, MAX)] long x, [out, retval] long* y);
          void Opnum3NotUsedOnWire(void);
          long Op4([in, string, unique] wchar_t* s);
        }
        """, null);
    InterfaceModel i = m.interfaces().get(0);
    assertThat(i.uuid()).isEqualTo(UUID.fromString("12345678-1234-abcd-ef00-0123456789ab"));
    assertThat(i.majorVersion()).isEqualTo(2);
    assertThat(i.minorVersion()).isEqualTo(1);
    assertThat(i.pointerDefault()).isEqualTo("ref");
    assertThat(i.endpoints()).containsExactly("ncacn_np:[\\pipe\\demo]", "ncacn_ip_tcp:[135]");
    assertThat(i.msUnion()).isTrue();
    assertThat(i.operations()).extracting(o -> o.name() + "=" + o.opnum())
        .containsExactly("Op0=0", "LocalOnly=-1", "RemoteOp=1", "Opnum3NotUsedOnWire=2", "Op4=3");
    assertThat(i.operations().get(2).callAs()).isEqualTo("LocalOnly");
    assertThat(m.symbols().integerValue("MAX")).isEqualTo(64L);
    assertThat(m.symbols().integerValue("B")).isEqualTo(2L);
    assertThat(m.symbols().integerValue("C")).isEqualTo(64L);
  }

  @Test
  void theAcfAttachesToTheInterfaceAndItsOperations() throws Exception {
    IdlModel m = build(HEADER + "interface demo { long Op([in] long a); }",
        "[explicit_handle, strict_context_handle] interface demo { [fault_status] Op([comm_status] a); }");
    InterfaceModel i = m.interfaces().get(0);
    assertThat(i.explicitHandle()).isTrue();
    assertThat(i.operations().get(0).acfAttrs()).extracting(a -> a.name()).containsExactly("fault_status");
    assertThat(i.operations().get(0).acfParamAttrs().get("a")).extracting(a -> a.name()).containsExactly("comm_status");
  }

  @Test
  void importedTypesResolveThroughTheIncludePath() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.writeString(lib.resolve("base.idl"), "typedef unsigned long DWORD; typedef DWORD *PDWORD;");
    Path file = dir.resolve("main.idl");
    Files.writeString(file, "import \"base.idl\";\n" + HEADER + "interface demo { DWORD Op([out] PDWORD p); }");
    IdlModel m = new ModelBuilder(new IncludePath(List.of(lib))).build(file, null);
    assertThat(m.symbols().typedefs()).containsKeys("DWORD", "PDWORD");
  }

  @Test
  void errorsSayWhatIsWrongAndWhere() {
    assertThatThrownBy(() -> build(HEADER + "interface demo {\n  typedef struct { UNKNOWN x; } T;\n}", null))
        .hasMessage(dir.resolve("t.idl") + ":4:20: unknown type 'UNKNOWN'");
    assertThatThrownBy(() -> build(HEADER + "interface demo {\n  typedef struct { long n; [size_is(m)] long* p; } T;\n}", null))
        .hasMessageEndingWith(":4:37: size_is refers to 'm', which is neither a member/parameter beside it nor a constant");
    assertThatThrownBy(() -> build("[uuid(1234)] interface demo { }", null))
        .hasMessageContaining(":1:2: '1234' is not a UUID");
    assertThatThrownBy(() -> build(HEADER + "interface demo { typedef [bogus] long T; }", null))
        .hasMessageContaining("unknown attribute 'bogus'");
    assertThatThrownBy(() -> build(HEADER + "interface demo { long Op(long a) }", null))
        .hasMessageContaining("expected ';' after the parameter list of operation 'Op' but found '}'");
    assertThatThrownBy(() -> build(HEADER + "interface demo { typedef union { [case(1)] long a; [case(1)] short b; } U; }", null))
        .hasMessageContaining("case 1 appears twice in the union");
    assertThatThrownBy(() -> build("interface demo { }", null))
        .hasMessageContaining("interface 'demo' needs a uuid attribute");
    assertThatThrownBy(() -> build(HEADER + "interface demo { long Op([in] long a); }", "interface demo { Other(); }"))
        .hasMessageContaining("t.acf:1:18: the ACF names operation 'Other', which the IDL does not declare");
    assertThatThrownBy(() -> build(HEADER + "interface demo { }", "[explicit_handel] interface demo { }"))
        .hasMessageContaining("t.acf:1:2: unknown ACF attribute 'explicit_handel'");
    assertThatThrownBy(() -> build(HEADER + "interface demo { typedef long T; typedef short T; }", null))
        .hasMessageContaining("type 'T' is already defined differently");
  }

  @Test
  void pathologicalNestingFailsWithAMessageNotAStackOverflow() {
    String deepExpr = "(".repeat(5000) + "1" + ")".repeat(5000);
    assertThatThrownBy(() -> build("const long X = " + deepExpr + ";", null))
        .isInstanceOf(IdlException.class).hasMessageContaining("nested more than");
    String deepUnary = "-".repeat(5000) + "1";
    assertThatThrownBy(() -> build("const long X = " + deepUnary + ";", null))
        .isInstanceOf(IdlException.class).hasMessageContaining("nested more than");
    String deepStruct = "struct { ".repeat(1000) + "long x; " + "} a; ".repeat(1000);
    assertThatThrownBy(() -> build("typedef " + deepStruct.substring(0, deepStruct.length() - 5) + " T;", null))
        .isInstanceOf(IdlException.class).hasMessageContaining("nested more than");
  }

  @Test
  void identicalRedefinitionsAndRestatedBaseTypesAreAccepted() throws Exception {
    IdlModel m = build("typedef unsigned short wchar_t;\ntypedef unsigned long DWORD;\ntypedef unsigned long DWORD;\n"
        + "typedef unsigned long int ULONG; typedef short int SHORT; typedef signed char INT8;", null);
    assertThat(m.symbols().typedefs()).containsKeys("DWORD", "ULONG", "SHORT", "INT8").doesNotContainKey("wchar_t");
  }

  @Test
  void encapsulatedUnionsAnonymousMembersAndMultiDimensionalArraysParse() throws Exception {
    IdlModel m = build(HEADER + """
        interface demo {
          typedef union switch (short kind) u { case 1: long a; case 2: case 3: short b; default: ; } ENC;
          typedef struct { union { struct { long x; }; long y; }; byte grid[2][3]; } ANON;
          typedef pipe long LONG_PIPE;
        }
        """, null);
    assertThat(m.symbols().typedefs()).containsKeys("ENC", "ANON", "LONG_PIPE");
  }
}
