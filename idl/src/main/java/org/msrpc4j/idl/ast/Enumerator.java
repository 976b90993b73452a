package org.msrpc4j.idl.ast;

import org.msrpc4j.idl.SourcePosition;

/**
 * One enumeration constant.
 *
 * @param name its name
 * @param value its explicit value, or null to take the previous value plus one
 * @param position where it is declared
 */
public record Enumerator(String name, Expr value, SourcePosition position) {}
