package org.msrpc4j.idl.model;

import java.util.List;
import java.util.UUID;
import org.msrpc4j.idl.SourcePosition;
import org.msrpc4j.idl.ast.Attribute;

/**
 * A checked interface: identity, defaults and operations with their opnums. Immutable.
 *
 * @param name interface name
 * @param uuid interface UUID (null only for {@code [local]} interfaces)
 * @param majorVersion major version
 * @param minorVersion minor version
 * @param pointerDefault {@code ref}, {@code unique} or {@code ptr} for pointers without an attribute
 *     (MIDL's default is {@code unique})
 * @param msUnion whether {@code ms_union} is set
 * @param endpoints well-known endpoints from {@code endpoint(...)}
 * @param local whether the interface is {@code [local]} (no stubs)
 * @param operations every operation in declaration order, holes and {@code [local]} ones included
 * @param acfAttrs ACF interface attributes ({@code explicit_handle}, …), empty without an ACF
 * @param position where the interface is declared
 */
public record InterfaceModel(
    String name,
    UUID uuid,
    int majorVersion,
    int minorVersion,
    String pointerDefault,
    boolean msUnion,
    List<String> endpoints,
    boolean local,
    List<OperationModel> operations,
    List<Attribute> acfAttrs,
    SourcePosition position) {

  /** Whether the ACF asks for an explicit binding/call handle on every operation. */
  public boolean explicitHandle() {
    return Attribute.has(acfAttrs, "explicit_handle");
  }
}
