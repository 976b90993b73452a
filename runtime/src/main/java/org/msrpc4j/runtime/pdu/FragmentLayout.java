package org.msrpc4j.runtime.pdu;

/**
 * Where the protected parts of an encoded fragment lie, for the security layer
 * ({@link org.msrpc4j.runtime.PduProtection}): the stub, the auth padding that follows it, the
 * 8-byte sec_trailer and the token. Offsets are from the first byte of the fragment.
 *
 * <p>Per [MS-RPCE] 2.2.2.12 "data" = stub + pad = {@code [stubOffset, trailerOffset)};
 * "whole PDU" = {@code [0, tokenOffset)}. Immutable.
 */
public record FragmentLayout(int stubOffset, int stubLength, int padLength, int trailerOffset,
    int tokenOffset, int tokenLength) {

  /**
   * Computes the layout of a request, response or fault fragment that carries an auth verifier.
   *
   * @throws PduFormatException when the lengths in the header do not fit the fragment
   */
  public static FragmentLayout of(byte[] frame) throws PduFormatException {
    PduHeader h = PduHeader.parse(frame);
    int bodyStart;
    if (h.type() == PduType.REQUEST) {
      bodyStart = (h.flags() & PfcFlags.OBJECT_UUID) != 0 ? 40 : 24;
    } else if (h.type() == PduType.RESPONSE) {
      bodyStart = 24;
    } else if (h.type() == PduType.FAULT) {
      bodyStart = 32;
    } else {
      throw new PduFormatException("no stub in a " + h.type() + " PDU");
    }
    if (h.fragLength() != frame.length) {
      throw new PduFormatException("frag_length " + h.fragLength() + " != fragment size " + frame.length);
    }
    if (h.authLength() == 0) {
      throw new PduFormatException("fragment has no auth verifier");
    }
    int trailer = frame.length - h.authLength() - AuthVerifier.TRAILER_LENGTH;
    if (trailer < bodyStart) {
      throw new PduFormatException("auth_length " + h.authLength() + " larger than the fragment allows");
    }
    int pad = frame[trailer + 2] & 0xFF;
    if (pad > trailer - bodyStart) {
      throw new PduFormatException("auth_pad_length " + pad + " larger than the stub");
    }
    return new FragmentLayout(bodyStart, trailer - bodyStart - pad, pad, trailer,
        trailer + AuthVerifier.TRAILER_LENGTH, h.authLength());
  }
}
