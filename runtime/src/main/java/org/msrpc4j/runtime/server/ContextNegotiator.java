package org.msrpc4j.runtime.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.msrpc4j.runtime.InterfaceId;
import org.msrpc4j.runtime.RpcInterfaceHandler;
import org.msrpc4j.runtime.SyntaxId;
import org.msrpc4j.runtime.pdu.ContextResult;
import org.msrpc4j.runtime.pdu.PresentationContext;

/**
 * Answers the presentation contexts of a bind or alter_context: accepts an interface the registry
 * serves with the NDR 2.0 transfer syntax, rejects others with the C706 reasons, and answers a
 * bind-time feature negotiation context with negotiate_ack and the features this server supports
 * ([MS-RPCE] 3.3.1.5.3). Stateless apart from its registry; thread-safe.
 */
final class ContextNegotiator {
  /** Security context multiplexing and keep-connection-on-orphan. */
  static final int SUPPORTED_FEATURES = 0x0003;

  private final InterfaceRegistry registry;

  ContextNegotiator(InterfaceRegistry registry) {
    this.registry = registry;
  }

  /**
   * Computes the results and records the accepted contexts in {@code bound} (which must hold at
   * most {@code maxContexts} entries).
   */
  List<ContextResult> negotiate(List<PresentationContext> offered, Map<Integer, BoundContext> bound, int maxContexts) {
    List<ContextResult> results = new ArrayList<>(offered.size());
    for (PresentationContext pc : offered) {
      if (pc.abstractSyntax().isBindTimeFeatureNegotiation() || offersFeatureNegotiation(pc)) {
        int features = 0;
        for (SyntaxId ts : pc.transferSyntaxes()) {
          if (ts.isBindTimeFeatureNegotiation()) {
            features |= ts.bindTimeFeatures();
          }
        }
        results.add(new ContextResult(ContextResult.NEGOTIATE_ACK, features & SUPPORTED_FEATURES, SyntaxId.nil()));
        continue;
      }
      InterfaceId requested = InterfaceId.of(pc.abstractSyntax());
      RpcInterfaceHandler handler = registry.find(requested);
      BoundContext existing = bound.get(pc.contextId());
      if (handler == null) {
        results.add(reject(ContextResult.REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED));
      } else if (!pc.transferSyntaxes().contains(SyntaxId.NDR20)) {
        results.add(reject(ContextResult.REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED));
      } else if (existing != null && !existing.requested().equals(requested)) {
        // A context id cannot change its abstract syntax once bound (C706 12.6.4.1).
        results.add(reject(ContextResult.REASON_NOT_SPECIFIED));
      } else if (existing == null && bound.size() >= maxContexts) {
        results.add(reject(ContextResult.REASON_LOCAL_LIMIT_EXCEEDED));
      } else {
        bound.put(pc.contextId(), new BoundContext(pc.contextId(), requested, handler, SyntaxId.NDR20));
        results.add(new ContextResult(ContextResult.ACCEPTANCE, 0, SyntaxId.NDR20));
      }
    }
    return results;
  }

  /** Windows offers feature negotiation as a transfer syntax of a real interface's context. */
  private static boolean offersFeatureNegotiation(PresentationContext pc) {
    return pc.transferSyntaxes().size() == 1 && pc.transferSyntaxes().get(0).isBindTimeFeatureNegotiation();
  }

  private static ContextResult reject(int reason) {
    return new ContextResult(ContextResult.PROVIDER_REJECTION, reason, SyntaxId.nil());
  }
}
