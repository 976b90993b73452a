package org.msrpc4j.runtime.transport;

/**
 * Emitted by {@link FragmentFrameDecoder} instead of a fragment when the byte stream cannot be
 * framed (impossible frag_length, fragment larger than allowed, fragment not completed in time).
 * {@code header} holds the first bytes seen (up to 16, possibly fewer) so that the handler can
 * still answer on the right call id; the connection must be closed after handling it.
 */
public record FrameError(String reason, byte[] header) {}
