package org.msrpc4j.idl.ast;

import java.util.List;

/**
 * One arm of a union.
 *
 * @param cases the {@code case} values (empty for the {@code default} arm)
 * @param isDefault whether this is the {@code default} arm
 * @param member the arm's member, or null for an empty arm ({@code case 1: ;})
 */
public record UnionArm(List<Expr> cases, boolean isDefault, Field member) {}
