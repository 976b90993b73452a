package org.msrpc4j.runtime.pdu;

import java.util.Objects;
import org.msrpc4j.runtime.SyntaxId;

/**
 * One p_result_t of a bind_ack or alter_context_resp. For a bind-time feature negotiation context
 * the result is {@link #NEGOTIATE_ACK} and {@code reason} carries the accepted feature bits.
 * Immutable.
 */
public record ContextResult(int result, int reason, SyntaxId transferSyntax) {
  public static final int ACCEPTANCE = 0;
  public static final int USER_REJECTION = 1;
  public static final int PROVIDER_REJECTION = 2;
  public static final int NEGOTIATE_ACK = 3;

  public static final int REASON_NOT_SPECIFIED = 0;
  public static final int REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED = 1;
  public static final int REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED = 2;
  public static final int REASON_LOCAL_LIMIT_EXCEEDED = 3;

  public ContextResult {
    Objects.requireNonNull(transferSyntax, "transferSyntax");
  }

  /** True when the context was accepted. */
  public boolean accepted() {
    return result == ACCEPTANCE;
  }
}
