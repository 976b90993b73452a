package org.msrpc4j.runtime.echo;

/**
 * The echo_Info union returned by TestCall2, flattened: {@code level} selects the arm;
 * levels 1–4 carry one value ({@code v1}); 5 is {uint8 v1; hyper v2}; 6 is {uint8 v1; echo_info1{uint8} v2};
 * 7 is {uint8 v1; echo_info4{hyper} v2}. Immutable.
 */
public record EchoInfo(int level, long v1, long v2) {}
