package org.msrpc4j.idl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.msrpc4j.idl.lex.Lexer;
import org.msrpc4j.idl.lex.Token;
import org.msrpc4j.idl.model.ConstantEvaluator;
import org.msrpc4j.idl.parse.ExpressionParser;
import org.msrpc4j.idl.parse.TokenCursor;

/**
 * Random constant expressions, printed as IDL text, parse with C precedence and evaluate to what
 * Java computes for the same fully parenthesised tree.
 */
class ConstantExpressionPropertiesTest {
  /** An expression tree with its text (minimal parentheses left to precedence) and its value. */
  record Sample(String text, long value, int precedence) {}

  private static final Map<String, Integer> PRECEDENCE = Map.of(
      "|", 3, "^", 4, "&", 5, "+", 9, "-", 9, "*", 10, "<<", 8, ">>", 8);

  @Provide
  Arbitrary<Sample> expressions() {
    return Arbitraries.recursive(
        () -> Arbitraries.longs().between(0, 1000).map(v -> new Sample(Long.toString(v), v, 100)),
        inner -> Arbitraries.oneOf(
            binary(inner),
            inner.map(s -> new Sample("(" + s.text() + ")", s.value(), 100)),
            inner.map(s -> new Sample("-" + wrap(s, 11), -s.value(), 11)),
            inner.map(s -> new Sample("~" + wrap(s, 11), ~s.value(), 11))),
        0, 5);
  }

  private static String wrap(Sample s, int needed) {
    return s.precedence() >= needed ? s.text() : "(" + s.text() + ")";
  }

  private Arbitrary<Sample> binary(Arbitrary<Sample> inner) {
    return net.jqwik.api.Combinators.combine(inner, Arbitraries.of(PRECEDENCE.keySet()), inner).as((l, op, r) -> {
      int p = PRECEDENCE.get(op);
      long rv = op.equals("<<") || op.equals(">>") ? Math.floorMod(r.value(), 8) : r.value();
      Sample right = op.equals("<<") || op.equals(">>") ? new Sample(Long.toString(rv), rv, 100) : r;
      long v = switch (op) {
        case "|" -> l.value() | rv;
        case "^" -> l.value() ^ rv;
        case "&" -> l.value() & rv;
        case "+" -> l.value() + rv;
        case "-" -> l.value() - rv;
        case "*" -> l.value() * rv;
        case "<<" -> l.value() << rv;
        default -> l.value() >> rv;
      };
      // Left-associative: the right operand needs parentheses at equal precedence.
      return new Sample(wrap(l, p) + " " + op + " " + wrap(right, p + 1), v, p);
    });
  }

  @Property(tries = 500)
  void parsedExpressionsEvaluateAsJavaDoes(@ForAll("expressions") Sample s) throws IdlException {
    List<Token> tokens = new Lexer("e.idl", s.text()).tokenize();
    TokenCursor cursor = new TokenCursor(tokens);
    var expr = new ExpressionParser(cursor, Set.of()).parse();
    assertThat(cursor.atEnd()).isTrue();
    assertThat(new ConstantEvaluator(n -> null, t -> null).evaluate(expr)).as(s.text()).isEqualTo(s.value());
  }
}
