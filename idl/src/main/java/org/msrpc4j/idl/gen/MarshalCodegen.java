package org.msrpc4j.idl.gen;

import java.util.function.Function;
import org.msrpc4j.idl.ast.Expr;
import org.msrpc4j.idl.ast.PrimitiveKind;

/**
 * Emits the encode and decode statements for one value of a {@link Shape}, against the API of the
 * {@code ndr} module ({@code NdrEncoder}/{@code NdrDecoder}; see ndr/README.md). Pointers defer
 * their referents through the engine, so the emitted code has no phase flags. Not thread-safe (it
 * numbers temporaries).
 */
final class MarshalCodegen {
  private final ExpressionTranslator expressions;
  private final boolean msUnion;
  private int counter;

  MarshalCodegen(ExpressionTranslator expressions, boolean msUnion) {
    this.expressions = expressions;
    this.msUnion = msUnion;
  }

  private String fresh(String base) {
    // Java names from IDL never contain underscores, so "max_3" cannot clash with a member or parameter.
    return base + "_" + (++counter);
  }

  // ------------------------------------------------------------------ encode

  /**
   * Writes {@code val} of shape {@code s}.
   *
   * @param hoisted whether the conformance of a conformant array/string/struct was already written
   *     before the enclosing structure (C706 14.3.7.1)
   */
  void encode(CodeWriter w, Shape s, String val, String enc, ValueScope scope, boolean hoisted) {
    if (s instanceof Shape.Prim p) {
      w.line(enc + "." + writeMethod(p.kind()) + "(" + val + ");");
    } else if (s instanceof Shape.EnumRef e) {
      w.line(enc + "." + (e.v1() ? "writeEnum32" : "writeEnum16") + "(" + val + ".value());");
    } else if (s instanceof Shape.StructRef r) {
      w.line(val + "." + (hoisted && r.info().conformant ? "encodeBody" : "encode") + "(" + enc + ");");
    } else if (s instanceof Shape.UnionRef u) {
      encodeUnion(w, u, val, enc, scope);
    } else if (s instanceof Shape.Handle) {
      w.line(enc + ".writeContextHandle(" + val + " == null ? null : " + val + ".handle());");
    } else if (s instanceof Shape.Str str) {
      encodeString(w, str, val, enc, hoisted);
    } else if (s instanceof Shape.Arr a) {
      encodeArray(w, a, val, enc, scope, hoisted);
    } else if (s instanceof Shape.Ptr p) {
      String e2 = fresh("e");
      String x = fresh("x");
      String method = switch (p.kind()) {
        case "ref" -> "writeRefPointer";
        case "ptr" -> "writeFullPointer";
        default -> "writeUniquePointer";
      };
      w.line(enc + "." + method + "(" + val + ", (" + e2 + ", " + x + ") -> {");
      encode(w, p.target(), x, e2, scope, false);
      w.line("});");
    } else if (s instanceof Shape.NotRemotable n) {
      w.line("NotRemotable.fail(" + JavaNames.literal(n.why()) + ");");
    }
  }

  /** Writes the hoisted conformance of a structure's last member. */
  void encodeConformance(CodeWriter w, Shape s, String val, String enc, ValueScope scope) {
    if (s instanceof Shape.Arr a) {
      w.line(enc + ".writeConformance(" + count(a.sizeIs(), scope, a, val) + ");");
    } else if (s instanceof Shape.Str str) {
      w.line(enc + ".writeConformance((long) " + val + ".length() + 1);");
    } else if (s instanceof Shape.StructRef r) {
      w.line(val + ".encodeConformance(" + enc + ");");
    }
  }

  private String count(Expr e, ValueScope scope, Shape.Arr a, String val) {
    if (e == null) {
      return a.fixedCount() + "L";
    }
    String j = expressions.translate(e, scope);
    return j != null ? j : lengthOf(a, val);
  }

  private static String lengthOf(Shape.Arr a, String val) {
    String bulk = JavaTypes.bulkArrayType(a.element());
    if (bulk == null) {
      return "(long) " + val + ".size()";
    }
    return bulk.equals("String") ? "(long) " + val + ".length()" : "(long) " + val + ".length";
  }

  private void encodeString(CodeWriter w, Shape.Str s, String val, String enc, boolean hoisted) {
    if (s.wide()) {
      if (s.fixedCount() != null) {
        w.line(enc + ".writeVaryingWString(" + val + ", " + s.fixedCount() + ");");
      } else if (hoisted) {
        w.line(enc + ".writeVariance(0, (long) " + val + ".length() + 1);");
        w.line(enc + ".writeWChars(" + val + ");");
        w.line(enc + ".writeInt16(0);");
      } else {
        w.line(enc + ".writeConformantVaryingWString(" + val + ");");
      }
      return;
    }
    if (s.fixedCount() == null && !hoisted) {
      w.line(enc + ".writeConformantVaryingCString(" + val + ");");
      return;
    }
    String b = fresh("chars");
    w.line("byte[] " + b + " = " + val + ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);");
    if (s.fixedCount() != null) {
      w.line("if (" + b + ".length + 1 > " + s.fixedCount() + ") {");
      w.line("throw new NdrException(\"string does not fit a [string] array of " + s.fixedCount() + "\");");
      w.line("}");
    }
    w.line(enc + ".writeVariance(0, " + b + ".length + 1);");
    w.line(enc + ".writeBytes(" + b + ");");
    w.line(enc + ".writeInt8(0);");
  }

  private void encodeArray(CodeWriter w, Shape.Arr a, String val, String enc, ValueScope scope, boolean hoisted) {
    String max = fresh("max");
    w.line("long " + max + " = " + count(a.conformant() ? a.sizeIs() : null, scope, a, val) + ";");
    if (a.conformant() && !hoisted) {
      w.line(enc + ".writeConformance(" + max + ");");
    }
    String n = fresh("n");
    if (a.varying()) {
      String offset = a.firstIs() == null ? "0L" : orElse(expressions.translate(a.firstIs(), scope), "0L");
      String length = a.lengthIs() == null ? max : orElse(expressions.translate(a.lengthIs(), scope), lengthOf(a, val));
      w.line("long " + n + " = " + length + ";");
      w.line(enc + ".writeVariance(" + offset + ", " + n + ");");
    } else {
      w.line("long " + n + " = " + max + ";");
    }
    w.line("if (" + n + " < 0 || " + n + " > " + lengthOf(a, val) + ") {");
    w.line("throw new NdrException(\"array holds \" + " + lengthOf(a, val) + " + \" elements but \" + " + n + " + \" are to be sent\");");
    w.line("}");
    String bulk = JavaTypes.bulkArrayType(a.element());
    if (bulk != null) {
      switch (bulk) {
        case "byte[]" -> w.line(enc + ".writeBytes(" + val + ", 0, (int) " + n + ");");
        case "short[]" -> w.line(enc + ".writeInt16s(" + val + ", 0, (int) " + n + ");");
        case "int[]" -> w.line(enc + ".writeInt32s(" + val + ", 0, (int) " + n + ");");
        case "long[]" -> w.line(enc + ".writeInt64s(" + val + ", 0, (int) " + n + ");");
        default -> w.line(enc + ".writeWChars(" + val + ".substring(0, (int) " + n + "));");
      }
      return;
    }
    String i = fresh("i");
    w.line("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++) {");
    encode(w, a.element(), val + ".get(" + i + ")", enc, scope, false);
    w.line("}");
  }

  private void encodeUnion(CodeWriter w, Shape.UnionRef u, String val, String enc, ValueScope scope) {
    if (u.switchIs() == null) {
      w.line(u.javaName() + ".encode(" + enc + ", " + val + ");");
      return;
    }
    String sw = expressions.translate(u.switchIs(), scope);
    if (sw != null) {
      w.line("NdrDecoder.checkCorrelation(" + val + ".discriminant(), " + sw + ", \"switch_is of " + u.info().idlName + "\");");
    }
    int discSize = Math.max(1, u.switchKind().size());
    w.line(enc + ".align(" + (msUnion ? discSize : Math.max(discSize, u.info().armAlign())) + ");");
    w.line(enc + "." + writeMethod(u.switchKind()) + "(" + narrow(u.switchKind(), val + ".discriminant()") + ");");
    if (msUnion) {
      w.line(enc + ".align(" + u.info().armAlign() + ");");
    }
    w.line(u.javaName() + ".encodeArm(" + enc + ", " + val + ");");
  }

  /** Converts a long to the argument type of the writer for {@code k}. */
  static String narrow(PrimitiveKind k, String longValue) {
    return switch (k) {
      case BOOLEAN -> "(" + longValue + " != 0)";
      case WCHAR -> "(char) " + longValue;
      case INT3264, UINT3264, HYPER, UHYPER -> longValue;
      default -> "(int) " + longValue;
    };
  }

  static String writeMethod(PrimitiveKind k) {
    return switch (k) {
      case BOOLEAN -> "writeBoolean";
      case BYTE, CHAR, SMALL, USMALL -> "writeInt8";
      case SHORT, USHORT -> "writeInt16";
      case WCHAR -> "writeWChar";
      case LONG, ULONG, ERROR_STATUS_T -> "writeInt32";
      case INT3264, UINT3264 -> "writeInt3264";
      case HYPER, UHYPER -> "writeInt64";
      case FLOAT -> "writeFloat";
      case DOUBLE -> "writeDouble";
      default -> throw new IllegalArgumentException(k + " is not written");
    };
  }

  static String readMethod(PrimitiveKind k) {
    return switch (k) {
      case BOOLEAN -> "readBoolean";
      case BYTE, CHAR, SMALL, USMALL -> "readInt8";
      case SHORT -> "readInt16";
      case USHORT -> "readUInt16";
      case WCHAR -> "readWChar";
      case LONG, ULONG, ERROR_STATUS_T -> "readInt32";
      case INT3264, UINT3264 -> "readInt3264";
      case HYPER, UHYPER -> "readInt64";
      case FLOAT -> "readFloat";
      case DOUBLE -> "readDouble";
      default -> throw new IllegalArgumentException(k + " is not read");
    };
  }

  private static String orElse(String v, String fallback) {
    return v != null ? v : fallback;
  }

  // ------------------------------------------------------------------ decode

  /**
   * Reads a value of shape {@code s} and hands it to {@code sink} (which turns a Java expression into
   * a statement). For pointers the sink runs later, when the engine reaches the referent.
   *
   * @param conformance for a hoisted conformant member: the variable holding the conformance read
   *     before the structure; otherwise null
   */
  void decode(CodeWriter w, Shape s, String dec, ValueScope scope, Function<String, String> sink, String conformance) {
    if (s instanceof Shape.Prim p) {
      w.line(sink.apply(dec + "." + readMethod(p.kind()) + "()"));
    } else if (s instanceof Shape.EnumRef e) {
      w.line(sink.apply(e.javaName() + ".fromValue(" + dec + "." + (e.v1() ? "readEnum32" : "readEnum16") + "())"));
    } else if (s instanceof Shape.StructRef r) {
      if (conformance != null && r.info().conformant) {
        w.line(sink.apply(r.javaName() + ".decodeBody(" + dec + ", " + conformance + ")"));
      } else {
        w.line(sink.apply(r.javaName() + ".decode(" + dec + ")"));
      }
    } else if (s instanceof Shape.UnionRef u) {
      decodeUnion(w, u, dec, scope, sink);
    } else if (s instanceof Shape.Handle h) {
      w.line(sink.apply("new " + h.javaName() + "(" + dec + ".readContextHandle())"));
    } else if (s instanceof Shape.Str str) {
      decodeString(w, str, dec, sink, conformance);
    } else if (s instanceof Shape.Arr a) {
      decodeArray(w, a, dec, scope, sink, conformance);
    } else if (s instanceof Shape.Ptr p) {
      decodePointer(w, p, dec, scope, sink);
    } else if (s instanceof Shape.NotRemotable n) {
      w.line(sink.apply("NotRemotable.fail(" + JavaNames.literal(n.why()) + ")"));
    }
  }

  private void decodePointer(CodeWriter w, Shape.Ptr p, String dec, ValueScope scope, Function<String, String> sink) {
    String d2 = fresh("d");
    String x = fresh("x");
    String head = switch (p.kind()) {
      case "ref" -> dec + ".readRefPointer(";
      case "ptr" -> dec + ".readFullPointer(" + (p.target() instanceof Shape.Ptr ? "Boolean.class" : JavaTypes.classLiteral(p.target())) + ", ";
      default -> dec + ".readUniquePointer(";
    };
    if (p.target() instanceof Shape.Ptr) {
      // A pointer to a pointer: the Java value is the innermost referent, which arrives later still;
      // the outer referent only carries the inner pointer, whose sink is the final one.
      w.line(head + d2 + " -> {");
      decode(w, p.target(), d2, scope, sink, null);
      w.line("return Boolean.TRUE;");
      w.line("}, " + x + " -> { });");
      return;
    }
    w.line(head + d2 + " -> {");
    decode(w, p.target(), d2, scope, v -> "return " + v + ";", null);
    w.line("}, " + x + " -> {");
    w.line(sink.apply(x));
    w.line("});");
  }

  private void decodeString(CodeWriter w, Shape.Str s, String dec, Function<String, String> sink, String conformance) {
    if (s.wide() && conformance == null) {
      w.line(sink.apply(s.fixedCount() != null
          ? dec + ".readVaryingWString(" + s.fixedCount() + ")"
          : dec + ".readConformantVaryingWString()"));
      return;
    }
    if (!s.wide() && conformance == null && s.fixedCount() == null) {
      w.line(sink.apply(dec + ".readConformantVaryingCString()"));
      return;
    }
    // A varying narrow string in a fixed array, or a string whose conformance was hoisted.
    String max = conformance != null ? conformance : s.fixedCount() + "L";
    String offset = fresh("offset");
    String n = fresh("n");
    w.line("long " + offset + " = " + dec + ".readVarianceOffset();");
    w.line("NdrDecoder.checkCorrelation(" + offset + ", 0, \"offset of a [string]\");");
    w.line("int " + n + " = " + dec + ".readVarianceCount(" + max + ", " + offset + ", " + (s.wide() ? 2 : 1) + ");");
    w.line("if (" + n + " == 0) {");
    w.line("throw new NdrException(\"[string] without its terminator\");");
    w.line("}");
    String text = fresh("text");
    if (s.wide()) {
      w.line("String " + text + " = " + dec + ".readWChars(" + n + ");");
    } else {
      String b = fresh("bytes");
      w.line("byte[] " + b + " = " + dec + ".readBytes(" + n + ");");
      w.line("String " + text + " = new String(" + b + ", java.nio.charset.StandardCharsets.ISO_8859_1);");
    }
    w.line("if (" + text + ".indexOf('\\0') != " + text + ".length() - 1) {");
    w.line("throw new NdrException(\"[string] must end with its only terminator\");");
    w.line("}");
    w.line(sink.apply(text + ".substring(0, " + text + ".length() - 1)"));
  }

  private void decodeArray(CodeWriter w, Shape.Arr a, String dec, ValueScope scope, Function<String, String> sink,
      String conformance) {
    String max = fresh("max");
    if (a.conformant()) {
      w.line("long " + max + " = " + (conformance != null ? conformance : dec + ".readConformance()") + ";");
      String expected = expressions.translate(a.sizeIs(), scope);
      if (expected != null) {
        w.line("NdrDecoder.checkCorrelation(" + max + ", " + expected + ", " + JavaNames.literal("size of " + describe(a.sizeIs())) + ");");
      }
    } else {
      w.line("long " + max + " = " + a.fixedCount() + "L;");
    }
    int minWire = minWireSize(a.element());
    String n = fresh("n");
    if (a.varying()) {
      String offset = fresh("offset");
      w.line("long " + offset + " = " + dec + ".readVarianceOffset();");
      String first = a.firstIs() == null ? "0L" : expressions.translate(a.firstIs(), scope);
      if (first != null) {
        w.line("NdrDecoder.checkCorrelation(" + offset + ", " + first + ", \"offset of a varying array\");");
      }
      w.line("int " + n + " = " + dec + ".readVarianceCount(" + max + ", " + offset + ", " + minWire + ");");
      String length = a.lengthIs() == null ? null : expressions.translate(a.lengthIs(), scope);
      if (length != null) {
        w.line("NdrDecoder.checkCorrelation(" + n + ", " + length + ", " + JavaNames.literal("length of " + describe(a.lengthIs())) + ");");
      }
    } else {
      w.line("int " + n + " = " + dec + ".checkCount(" + max + ", " + minWire + ");");
    }
    String bulk = JavaTypes.bulkArrayType(a.element());
    if (bulk != null) {
      String method = switch (bulk) {
        case "byte[]" -> "readBytes";
        case "short[]" -> "readInt16s";
        case "int[]" -> "readInt32s";
        case "long[]" -> "readInt64s";
        default -> "readWChars";
      };
      w.line(sink.apply(dec + "." + method + "(" + n + ")"));
      return;
    }
    String list = fresh("list");
    String type = JavaTypes.boxed(a.element());
    w.line("List<" + type + "> " + list + " = new ArrayList<>(Collections.nCopies(" + n + ", (" + type + ") null));");
    String i = fresh("i");
    w.line("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++) {");
    String idx = fresh("index");
    w.line("final int " + idx + " = " + i + ";");
    decode(w, a.element(), dec, scope, v -> list + ".set(" + idx + ", " + v + ");", null);
    w.line("}");
    w.line(sink.apply(list));
  }

  private void decodeUnion(CodeWriter w, Shape.UnionRef u, String dec, ValueScope scope, Function<String, String> sink) {
    if (u.switchIs() == null) {
      w.line(sink.apply(u.javaName() + ".decode(" + dec + ")"));
      return;
    }
    int discSize = Math.max(1, u.switchKind().size());
    w.line(dec + ".align(" + (msUnion ? discSize : Math.max(discSize, u.info().armAlign())) + ");");
    String disc = fresh("discriminant");
    w.line("long " + disc + " = " + readAsLong(u.switchKind(), dec) + ";");
    String sw = expressions.translate(u.switchIs(), scope);
    if (sw != null) {
      w.line("NdrDecoder.checkCorrelation(" + disc + ", " + sw + ", \"switch_is of " + u.info().idlName + "\");");
    }
    if (msUnion) {
      w.line(dec + ".align(" + u.info().armAlign() + ");");
    }
    w.line(sink.apply(u.javaName() + ".decodeArm(" + dec + ", " + disc + ")"));
  }

  /** Reads an integer of kind {@code k} as a long with the right signedness. */
  static String readAsLong(PrimitiveKind k, String dec) {
    return switch (k) {
      case BOOLEAN -> "(" + dec + ".readBoolean() ? 1L : 0L)";
      case BYTE, CHAR, USMALL -> "(long) " + dec + ".readUInt8()";
      case SMALL -> "(long) " + dec + ".readInt8()";
      case SHORT -> "(long) " + dec + ".readInt16()";
      case USHORT -> "(long) " + dec + ".readUInt16()";
      case WCHAR -> "(long) " + dec + ".readWChar()";
      case LONG -> "(long) " + dec + ".readInt32()";
      case ULONG, ERROR_STATUS_T -> dec + ".readUInt32()";
      case INT3264, UINT3264 -> dec + ".readInt3264()";
      default -> dec + ".readInt64()";
    };
  }

  /** The fewest octets one element can take on the wire, for count checks before allocation. */
  static int minWireSize(Shape s) {
    if (s instanceof Shape.Prim p) {
      return Math.max(1, p.kind().size());
    }
    if (s instanceof Shape.EnumRef e) {
      return e.v1() ? 4 : 2;
    }
    if (s instanceof Shape.Handle) {
      return 20;
    }
    if (s instanceof Shape.Ptr || s instanceof Shape.Str) {
      return 4;
    }
    if (s instanceof Shape.Arr a && a.fixedCount() != null) {
      return (int) Math.min(Integer.MAX_VALUE, a.fixedCount() * minWireSize(a.element()));
    }
    return 1;
  }

  private static String describe(Expr e) {
    return ExprPrinter.print(e);
  }
}
