package org.msrpc4j.idl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The specifications' "Appendix A: Full IDL" texts (test resources, extracted unmodified) and the
 * exact fixes this project applies for damage done by the Markdown conversion (not by MIDL).
 */
final class SpecIdl {
  /** The documents whose full IDL the compiler must accept. */
  static final List<String> NAMES =
      List.of("ms-dtyp", "ms-rpce", "ms-lsad", "ms-lsat", "ms-samr", "ms-srvs", "ms-wkst", "ms-nrpc");

  /**
   * One fix of conversion damage.
   *
   * @param files the documents it applies to
   * @param what what the conversion broke and what the fix does
   * @param apply the fix
   */
  record Fix(List<String> files, String what, UnaryOperator<String> apply) {}

  /**
   * Every fix applied. The Markdown conversion turned some IDL lines into list items: a line that
   * starts with "- " (e.g. "- #define MAX_CIPHER_SIZE …", "- } LSAPR_REVISION_INFO, …;",
   * "- void Opnum75NotUsedOnWire(void);"). MIDL never sees a leading "- ", so the marker is removed;
   * nothing else on those lines changes. No other fix is needed: everything else (repeated
   * typedefs in ms-dtyp, #pragma pack in ms-samr, sizeof in ms-wkst macros, MS-LSAT's STRING struct
   * over MS-DTYP's STRING pointer) is MIDL the compiler accepts as written.
   */
  static final List<Fix> FIXES =
      List.of(new Fix(List.of("ms-lsad", "ms-samr", "ms-nrpc"),
          "Markdown list markers: a leading \"- \" before an IDL line is removed",
          text -> text.replaceAll("(?m)^- ", "")));

  private SpecIdl() {}

  /** The extracted text, as checked in. */
  static String raw(String name) throws IOException {
    try (InputStream in = SpecIdl.class.getResourceAsStream("/spec-idl/" + name + ".idl.txt")) {
      if (in == null) {
        throw new IOException("missing test resource spec-idl/" + name + ".idl.txt");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The text with every fix for {@code name} applied. */
  static String fixed(String name) throws IOException {
    String text = raw(name);
    for (Fix f : FIXES) {
      if (f.files().contains(name)) {
        text = f.apply().apply(text);
      }
    }
    return text;
  }

  /** Writes every fixed IDL as {@code name.idl} into {@code dir} (so that imports resolve). */
  static void writeAll(Path dir) throws IOException {
    for (String n : NAMES) {
      Files.writeString(dir.resolve(n + ".idl"), fixed(n), StandardCharsets.UTF_8);
    }
  }
}
