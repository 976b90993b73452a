package org.msrpc4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdlPackageNamesTest {
  private final IdlPackageNames names = new IdlPackageNames("org.example", Map.of("ms-lsat.idl", "org.example.lsa"));

  @Test
  void aFileGetsTheBasePackagePlusItsDirectoriesAndName() {
    assertThat(names.packageFor(Path.of("rpc/Echo-Test.idl"))).isEqualTo("org.example.rpc.echotest");
  }

  @Test
  void anOverrideByFileNameWins() {
    assertThat(names.packageFor(Path.of("sub/ms-lsat.idl"))).isEqualTo("org.example.lsa");
  }

  @Test
  void segmentsThatJavaRejectsAreMadeValid() {
    assertThat(names.packageFor(Path.of("2020/interface.idl"))).isEqualTo("org.example._2020._interface");
  }
}
