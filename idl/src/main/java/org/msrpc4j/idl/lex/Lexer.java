package org.msrpc4j.idl.lex;

import java.util.ArrayList;
import java.util.List;
import org.msrpc4j.idl.IdlException;
import org.msrpc4j.idl.SourcePosition;

/**
 * Splits IDL/ACF source text into tokens, tracking file:line:column and which tokens start a
 * logical line (a backslash before a newline joins lines, as in C).
 *
 * <p>Comments ({@code //} and {@code /* *}{@code /}) are skipped. Not thread-safe; one instance per
 * source text.
 */
public final class Lexer {
  private static final String[] PUNCTUATORS = {
    "<<=", ">>=", "...", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "->", "::", "##",
    "+", "-", "*", "/", "%", "&", "|", "^", "~", "!", "<", ">", "=", "?", ":", ";", ",", ".",
    "(", ")", "[", "]", "{", "}", "#"
  };

  private final String file;
  private final String src;
  private int pos;
  private int line = 1;
  private int column = 1;
  private boolean lineStart = true;

  /**
   * @param file name used in positions
   * @param source the text
   */
  public Lexer(String file, String source) {
    this.file = file;
    this.src = source;
  }

  /** Tokenizes the whole text; the list ends with an {@link TokenKind#END} token. */
  public List<Token> tokenize() throws IdlException {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipBlanksAndComments();
      SourcePosition at = new SourcePosition(file, line, column);
      if (pos >= src.length()) {
        out.add(new Token(TokenKind.END, "", at, true));
        return out;
      }
      boolean first = lineStart;
      lineStart = false;
      char c = src.charAt(pos);
      if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
          advance();
        }
        out.add(new Token(TokenKind.IDENTIFIER, src.substring(start, pos), at, first));
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
        out.add(number(at, first));
      } else if (c == '"') {
        out.add(new Token(TokenKind.STRING, quoted('"', at), at, first));
      } else if (c == '\'') {
        out.add(new Token(TokenKind.CHARACTER, quoted('\'', at), at, first));
      } else if (c == 'L' && pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
        advance();
        out.add(new Token(TokenKind.STRING, quoted('"', at), at, first));
      } else {
        String p = punctuator();
        if (p == null) {
          throw new IdlException(at, "unexpected character '" + printable(c) + "'");
        }
        for (int i = 0; i < p.length(); i++) {
          advance();
        }
        out.add(new Token(TokenKind.PUNCTUATOR, p, at, first));
      }
    }
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private void advance() {
    char c = src.charAt(pos++);
    if (c == '\n') {
      line++;
      column = 1;
      lineStart = true;
    } else {
      column++;
    }
  }

  private void skipBlanksAndComments() throws IdlException {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\' && (startsWith("\\\n") || startsWith("\\\r\n"))) {
        // Line continuation: the next physical line continues this logical line.
        boolean keep = lineStart;
        advance();
        if (src.charAt(pos) == '\r') {
          advance();
        }
        advance();
        lineStart = keep;
      } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff') {
        advance();
      } else if (startsWith("//")) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          advance();
        }
      } else if (startsWith("/*")) {
        SourcePosition at = new SourcePosition(file, line, column);
        advance();
        advance();
        while (!startsWith("*/")) {
          if (pos >= src.length()) {
            throw new IdlException(at, "comment is not closed with */");
          }
          boolean keep = lineStart;
          advance();
          lineStart = keep || lineStart;
        }
        boolean keep = lineStart;
        advance();
        advance();
        lineStart = keep;
      } else {
        return;
      }
    }
  }

  private boolean startsWith(String s) {
    return src.startsWith(s, pos);
  }

  private String punctuator() {
    for (String p : PUNCTUATORS) {
      if (startsWith(p)) {
        return p;
      }
    }
    return null;
  }

  private Token number(SourcePosition at, boolean first) {
    int start = pos;
    boolean decimal = false;
    if (startsWith("0x") || startsWith("0X")) {
      advance();
      advance();
      while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
        advance();
      }
    } else {
      while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
        decimal |= src.charAt(pos) == '.';
        advance();
      }
    }
    // Integer suffixes (u, l, ul, ll, i64) carry no meaning for IDL constants; they stay in the
    // text so that raw attribute arguments such as uuid(...) keep every character.
    while (pos < src.length()) {
      if (startsWith("i64") || startsWith("i32") || startsWith("i16")) {
        advance();
        advance();
        advance();
      } else if ("uUlL".indexOf(src.charAt(pos)) >= 0) {
        advance();
      } else {
        break;
      }
    }
    return new Token(decimal ? TokenKind.DECIMAL : TokenKind.INTEGER, src.substring(start, pos), at, first);
  }

  private String quoted(char quote, SourcePosition at) throws IdlException {
    advance();
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw new IdlException(at, "literal is not closed with " + quote);
      }
      char c = src.charAt(pos);
      if (c == quote) {
        advance();
        return sb.toString();
      }
      if (c == '\\' && pos + 1 < src.length()) {
        advance();
        char e = src.charAt(pos);
        advance();
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '0' -> sb.append('\0');
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
        advance();
      }
    }
  }
}
