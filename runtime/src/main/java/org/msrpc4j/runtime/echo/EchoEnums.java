package org.msrpc4j.runtime.echo;

/**
 * The [in,out] arguments of TestEnum: foo1 (echo_Enum1, 16-bit), foo2 (echo_Enum2 {Enum1 e1;
 * v1_enum e2}), foo3 (echo_Enum3, a union switched by foo1: arm 1 = one Enum1 {@code e1}, arm 2 =
 * an Enum2 {@code e2e1, e2e2}). Immutable.
 *
 * @deprecated Hand-written marshalling kept only until the last users outside module interfaces
 *     (kerberos and fuzz tests) move; use the generated {@code EchoEnum1}, {@code EchoEnum2}, {@code EchoEnum3} (module msrpc4j-interfaces, generated from
 *     rpcecho.idl).
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public record EchoEnums(int foo1, int foo2e1, int foo2e2, int foo3e1, int foo3e2e1, int foo3e2e2) {}
