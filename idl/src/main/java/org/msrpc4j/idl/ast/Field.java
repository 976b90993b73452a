package org.msrpc4j.idl.ast;

import java.util.List;
import org.msrpc4j.idl.SourcePosition;

/**
 * A structure member, union arm member or operation parameter.
 *
 * @param attrs attributes in brackets before it
 * @param type its type with the declarator's pointers and arrays applied
 * @param name its name; null for an anonymous embedded struct/union or an unnamed parameter
 * @param position where it is declared
 */
public record Field(List<Attribute> attrs, TypeRef type, String name, SourcePosition position) {}
