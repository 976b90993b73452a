package org.msrpc4j.runtime.pdu;

/**
 * A PDU from the network is malformed (a length, count or offset does not fit, an unknown type, a
 * wrong version). Checked on purpose: the connection handler must decide between a fault, a
 * bind_nak and closing the connection.
 */
public final class PduFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public PduFormatException(String message) {
    super(message);
  }
}
