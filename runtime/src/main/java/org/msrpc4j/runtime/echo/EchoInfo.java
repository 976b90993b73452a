package org.msrpc4j.runtime.echo;

/**
 * The echo_Info union returned by TestCall2, flattened: {@code level} selects the arm;
 * levels 1–4 carry one value ({@code v1}); 5 is {uint8 v1; hyper v2}; 6 is {uint8 v1; echo_info1{uint8} v2};
 * 7 is {uint8 v1; echo_info4{hyper} v2}. Immutable.
 *
 * @deprecated Hand-written marshalling kept only until the last users outside module interfaces
 *     (kerberos and fuzz tests) move; use the generated union {@code org.msrpc4j.interfaces.echo.EchoInfo} (module msrpc4j-interfaces, generated from
 *     rpcecho.idl).
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public record EchoInfo(int level, long v1, long v2) {}
