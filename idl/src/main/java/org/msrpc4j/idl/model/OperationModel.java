package org.msrpc4j.idl.model;

import java.util.List;
import org.msrpc4j.idl.ast.Attribute;
import org.msrpc4j.idl.ast.Definition;

/**
 * One operation with its wire opnum. Immutable.
 *
 * @param opnum the operation number on the wire; -1 for {@code [local]} operations, which have none
 * @param decl the IDL declaration
 * @param hole whether the specification reserves this opnum ({@code OpnumNNNotUsedOnWire}); holes
 *     get no Java method and servers reject them with nca_s_op_rng_error
 * @param callAs the local operation this one is the wire form of ({@code call_as}), or null
 * @param acfAttrs the operation's ACF attributes
 * @param acfParamAttrs ACF attributes per parameter name
 */
public record OperationModel(
    int opnum,
    Definition.Operation decl,
    boolean hole,
    String callAs,
    List<Attribute> acfAttrs,
    java.util.Map<String, List<Attribute>> acfParamAttrs) {

  /** The operation's name in IDL. */
  public String name() {
    return decl.name();
  }

  /**
   * Whether the IDL marks it {@code [idempotent]}: running it twice does no harm, so the client
   * runtime may send it again when the connection dies while it is in flight.
   */
  public boolean idempotent() {
    return Attribute.has(decl.attrs(), "idempotent");
  }

  /** Whether it is transmitted at all (not local and not a hole). */
  public boolean onWire() {
    return opnum >= 0 && !hole;
  }
}
