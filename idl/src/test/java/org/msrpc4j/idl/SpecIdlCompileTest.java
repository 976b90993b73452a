package org.msrpc4j.idl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.msrpc4j.idl.model.IdlModel;
import org.msrpc4j.idl.model.InterfaceModel;
import org.msrpc4j.idl.model.ModelBuilder;
import org.msrpc4j.idl.model.OperationModel;

/**
 * Acceptance: every specification's full IDL (with only the documented conversion fixes of
 * {@link SpecIdl#FIXES}) compiles with the IDL compiler into Java that javac compiles.
 */
class SpecIdlCompileTest {
  @TempDir static Path work;
  private static Path idlDir;

  @BeforeAll
  static void writeSpecs() throws Exception {
    idlDir = Files.createDirectories(work.resolve("idl"));
    SpecIdl.writeAll(idlDir);
  }

  @Test
  void everyDocumentedFixChangesTheTextItClaimsToFix() throws Exception {
    for (SpecIdl.Fix f : SpecIdl.FIXES) {
      for (String file : f.files()) {
        assertThat(f.apply().apply(SpecIdl.raw(file))).as(f.what() + " in " + file).isNotEqualTo(SpecIdl.raw(file));
      }
    }
  }

  @Test
  void everySpecIdlGeneratesJavaThatJavacCompiles() throws Exception {
    Path sources = Files.createDirectories(work.resolve("src"));
    Map<String, Integer> fileCounts = new LinkedHashMap<>();
    for (String name : SpecIdl.NAMES) {
      String pkg = "spec." + name.replace("-", "");
      IdlCompiler.Outcome out = new IdlCompiler().compile(idlDir.resolve(name + ".idl"), null, List.of(idlDir), pkg, sources);
      fileCounts.put(name, out.written().size());
    }
    assertThat(fileCounts).allSatisfy((name, count) -> assertThat(count).as(name).isGreaterThan(2));
    List<String> errors = JavaSourceCompiler.compile(sources, Files.createDirectories(work.resolve("classes")));
    assertThat(errors).as("javac errors in generated code").isEmpty();
    // Spot checks that the classes exist where a user expects them.
    assertThat(work.resolve("classes/spec/mslsat/LsarpcClient.class")).exists();
    assertThat(work.resolve("classes/spec/mssamr/SamrDispatcher.class")).exists();
    assertThat(work.resolve("classes/spec/msdtyp/RpcUnicodeString.class")).exists();
  }

  /** Opnums follow declaration order, count the specifications' reserved holes and skip nothing. */
  @ParameterizedTest
  @CsvSource({
    "ms-lsad, LsarClose, 0",
    "ms-lsad, LsarQueryInformationPolicy, 7",
    "ms-lsad, LsarOpenPolicy2, 44",
    "ms-lsat, LsarLookupNames4, 77",
    "ms-lsat, LsarLookupSids3, 76",
    "ms-samr, SamrConnect5, 64",
    "ms-samr, SamrAccountIsDelegatedManagedServiceAccount, 77",
    "ms-nrpc, NetrServerAuthenticate3, 26",
    "ms-srvs, NetrShareEnum, 15",
    "ms-wkst, NetrJoinDomain2, 22"
  })
  void opnumsMatchTheSpecifications(String file, String operation, int opnum) throws Exception {
    IdlModel m = new ModelBuilder(new IncludePath(List.of(idlDir))).build(idlDir.resolve(file + ".idl"), null);
    InterfaceModel iface = m.interfaces().get(0);
    OperationModel op = iface.operations().stream().filter(o -> o.name().equals(operation)).findFirst().orElseThrow();
    assertThat(op.opnum()).isEqualTo(opnum);
  }

  @Test
  void reservedOpnumsAreHolesWithoutMethods() throws Exception {
    IdlModel m = new ModelBuilder(new IncludePath(List.of(idlDir))).build(idlDir.resolve("ms-samr.idl"), null);
    OperationModel hole = m.interfaces().get(0).operations().stream()
        .filter(o -> o.name().equals("Opnum75NotUsedOnWire")).findFirst().orElseThrow();
    assertThat(hole.opnum()).isEqualTo(75);
    assertThat(hole.hole()).isTrue();
    assertThat(hole.onWire()).isFalse();
  }
}
