package org.msrpc4j.runtime.faults;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import org.msrpc4j.runtime.SyntaxId;
import org.msrpc4j.runtime.pdu.BindAckPdu;
import org.msrpc4j.runtime.pdu.BindPdu;
import org.msrpc4j.runtime.pdu.Pdu;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PduFormatException;
import org.msrpc4j.runtime.pdu.PduType;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.PresentationContext;
import org.msrpc4j.runtime.pdu.ResponsePdu;
import org.msrpc4j.runtime.transport.StubFragmenter;

/**
 * The client that {@link ClientKilledMidFragmentTest} runs in a process of its own and kills:
 * binds {@link FaultsInterface}, opens a context handle with value {@code 99}, then sends the
 * first fragment of a three-fragment echo and half of the second, prints {@code READY} and waits
 * to be killed.
 *
 * <p>Usage: {@code MidFragmentClient PORT}
 */
public final class MidFragmentClient {
  static final int HANDLE_VALUE = 99;
  static final int FRAGMENT = 1432;

  private MidFragmentClient() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Socket s = new Socket("127.0.0.1", port); // left open: the process dies with it
    s.setTcpNoDelay(true);
    OutputStream out = s.getOutputStream();
    DataInputStream in = new DataInputStream(s.getInputStream());

    out.write(PduCodec.encode(new BindPdu(PduType.BIND, PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 1, FRAGMENT, FRAGMENT, 0,
        List.of(new PresentationContext(0, FaultsInterface.ID.syntax(), List.of(SyntaxId.NDR20))), null)));
    if (!(read(in) instanceof BindAckPdu ack) || !ack.results().get(0).accepted()) {
      throw new IllegalStateException("bind refused");
    }
    for (byte[] f : StubFragmenter.request(2, 0, FaultsInterface.OPEN, null, FaultsInterface.u32(HANDLE_VALUE), FRAGMENT, 0)) {
      out.write(f);
    }
    if (!(read(in) instanceof ResponsePdu)) {
      throw new IllegalStateException("open failed");
    }
    List<byte[]> echo = StubFragmenter.request(3, 0, FaultsInterface.ECHO, null, new byte[3 * FRAGMENT], FRAGMENT, 0);
    out.write(echo.get(0));
    out.write(echo.get(1), 0, echo.get(1).length / 2);
    out.flush();
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static Pdu read(DataInputStream in) throws IOException, PduFormatException {
    byte[] header = new byte[16];
    in.readFully(header);
    int len = (header[8] & 0xFF) | (header[9] & 0xFF) << 8;
    byte[] frame = new byte[len];
    System.arraycopy(header, 0, frame, 0, 16);
    in.readFully(frame, 16, len - 16);
    return PduCodec.decode(frame);
  }
}
