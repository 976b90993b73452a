package org.msrpc4j.runtime.pdu;

import java.util.List;
import java.util.Objects;
import org.msrpc4j.runtime.SyntaxId;

/**
 * One p_cont_elem_t of a bind or alter_context: a context id, the abstract syntax (interface) and
 * the transfer syntaxes offered for it. Immutable.
 */
public record PresentationContext(int contextId, SyntaxId abstractSyntax, List<SyntaxId> transferSyntaxes) {
  public PresentationContext {
    Objects.requireNonNull(abstractSyntax, "abstractSyntax");
    transferSyntaxes = List.copyOf(transferSyntaxes);
    if (contextId < 0 || contextId > 0xFFFF) {
      throw new IllegalArgumentException("context id out of range: " + contextId);
    }
    if (transferSyntaxes.size() > 0xFF) {
      throw new IllegalArgumentException("more than 255 transfer syntaxes");
    }
  }
}
