package org.msrpc4j.security;

import java.util.Objects;

/**
 * The result of one {@code initialize} / {@code accept} step: the token to send (possibly empty)
 * and whether the context is complete. Immutable; thread-safe (the token is copied out).
 *
 * <p>How the runtime carries tokens ([MS-RPCE] 2.2.2.12):
 *
 * <ul>
 *   <li>Client, not complete: send the token in bind (first step) or alter_context, then feed the
 *       token of bind_ack / alter_context_resp to the next step.
 *   <li>Client, complete with a token: the last leg. For services that {@link
 *       AuthnService#completesWithAuth3() complete with auth3} (NTLM) send it in auth3 and expect no
 *       reply; otherwise send it in alter_context and ignore the reply's token.
 *   <li>Client, complete without a token: nothing more to send.
 *   <li>Server: send the token in bind_ack / alter_context_resp when there is one (a complete
 *       server step after auth3 produces none and nothing is sent).
 * </ul>
 */
public final class ContextStep {
  private static final byte[] EMPTY = new byte[0];

  private final byte[] token;
  private final boolean complete;

  private ContextStep(byte[] token, boolean complete) {
    this.token = token;
    this.complete = complete;
  }

  /** A step that needs a reply token from the peer; {@code token} is sent and must not be empty. */
  public static ContextStep continueWith(byte[] token) {
    Objects.requireNonNull(token, "token");
    return new ContextStep(token.clone(), false);
  }

  /** The context is established; {@code token} (may be null or empty) is the last one to send. */
  public static ContextStep complete(byte[] token) {
    return new ContextStep(token == null ? EMPTY : token.clone(), true);
  }

  /** The token to send; empty when there is none. A copy. */
  public byte[] token() {
    return token.clone();
  }

  /** True when there is a token to send. */
  public boolean hasToken() {
    return token.length > 0;
  }

  /** True when the context is established on this side. */
  public boolean isComplete() {
    return complete;
  }

  @Override
  public String toString() {
    return "ContextStep[" + (complete ? "complete" : "continue") + ", token " + token.length + " bytes]";
  }
}
