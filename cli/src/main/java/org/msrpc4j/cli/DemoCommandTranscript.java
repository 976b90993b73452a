package org.msrpc4j.cli;

import java.io.PrintWriter;

/**
 * The demo's narrated output: numbered steps, what a client did, what the server saw, and the
 * verdict, with ANSI colour when asked (on a terminal). Not thread-safe (one writer).
 */
final class DemoCommandTranscript {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String CYAN = "\u001b[36m";
  private static final String DIM = "\u001b[2m";

  private final PrintWriter out;
  private final boolean colour;
  private int step;

  DemoCommandTranscript(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  /** A numbered step heading. */
  void step(String title) {
    step++;
    out.println();
    out.println(paint(BOLD, "[" + step + "] " + title));
    out.flush();
  }

  /** What a party did or saw. */
  void say(String line) {
    out.println("    " + line);
    out.flush();
  }

  /** What the server observed. */
  void server(String line) {
    out.println("    " + paint(CYAN, "server: ") + line);
    out.flush();
  }

  /** A result as expected. */
  void ok(String line) {
    out.println("    " + paint(GREEN, "ok: ") + line);
    out.flush();
  }

  /** An expected refusal. */
  void denied(String line) {
    out.println("    " + paint(RED, "denied: ") + line);
    out.flush();
  }

  /** Background detail. */
  void note(String line) {
    out.println("    " + paint(DIM, line));
    out.flush();
  }

  /** Plain text (no indentation). */
  void plain(String line) {
    out.println(line);
    out.flush();
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
