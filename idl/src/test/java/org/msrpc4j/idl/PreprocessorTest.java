package org.msrpc4j.idl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msrpc4j.idl.lex.Token;
import org.msrpc4j.idl.lex.TokenKind;
import org.msrpc4j.idl.pp.Preprocessor;

class PreprocessorTest {
  @TempDir Path dir;

  private String run(String text) throws IdlException {
    List<Token> tokens = new Preprocessor(new IncludePath(List.of(dir))).run("t.idl", text);
    return tokens.stream().filter(t -> t.kind() != TokenKind.END).map(Token::text).collect(Collectors.joining(" "));
  }

  @Test
  void objectAndFunctionLikeMacrosExpandRecursivelyButNotIntoThemselves() throws Exception {
    assertThat(run("#define A 2\n#define TWICE(x) ((x) * A)\n#define SELF SELF + 1\nTWICE(A + 1) SELF"))
        .isEqualTo("( ( 2 + 1 ) * 2 ) SELF + 1");
  }

  @Test
  void aParenthesisAfterASpaceMakesAnObjectLikeMacro() throws Exception {
    assertThat(run("#define SIZE (8 + 4)\nSIZE")).isEqualTo("( 8 + 4 )");
  }

  @Test
  void conditionalsChooseOneBranchWithDefinedAndArithmetic() throws Exception {
    String text = """
        #define LEVEL 2
        #if defined(NOPE) || LEVEL > 3
        a
        #elif LEVEL == 2 && defined MIDL_PASS
        b
        #ifdef NOPE
        c
        #else
        d
        #endif
        #else
        e
        #endif
        #ifndef LEVEL
        f
        #endif
        """;
    assertThat(run(text)).isEqualTo("b d");
  }

  @Test
  void includeSearchesTheIncludePathAndLineContinuationsJoinLines() throws Exception {
    Files.writeString(dir.resolve("inc.h"), "#define FROM_INC 7\n");
    assertThat(run("#include \"inc.h\"\n#define LONG 1 + \\\n 2\nFROM_INC LONG")).isEqualTo("7 1 + 2");
  }

  @Test
  void pragmasAndNullDirectivesAreIgnored() throws Exception {
    assertThat(run("#pragma pack(4)\n#\nx\n#pragma pack()")).isEqualTo("x");
  }

  @Test
  void errorsNameFileLineAndColumn() {
    assertThatThrownBy(() -> run("x\n  #endif")).isInstanceOf(IdlException.class)
        .hasMessage("t.idl:2:4: #endif without a matching #if");
    assertThatThrownBy(() -> run("#if 1\nx")).hasMessage("t.idl:1:1: this conditional is not closed with #endif");
    assertThatThrownBy(() -> run("#include \"missing.h\"")).hasMessageContaining("t.idl:1:2: cannot find include file 'missing.h'");
    assertThatThrownBy(() -> run("#define F(a, b) a\nF(1)")).hasMessage("t.idl:2:1: macro 'F' takes 2 argument(s) but is given 1");
    assertThatThrownBy(() -> run("#error stop here")).hasMessage("t.idl:1:2: #error stop here");
    assertThatThrownBy(() -> run("#frobnicate")).hasMessage("t.idl:1:2: unknown preprocessor directive #frobnicate");
  }

  @Test
  void aFileThatIncludesItselfFailsInsteadOfRecursingForever() throws Exception {
    Files.writeString(dir.resolve("self.h"), "#include \"self.h\"\n");
    assertThatThrownBy(() -> run("#include \"self.h\"")).hasMessageContaining("nested more than");
  }
}
