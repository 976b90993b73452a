package org.msrpc4j.runtime.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.pdu.PduCodec;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.ResponsePdu;
import org.msrpc4j.runtime.server.ServerSettings;

/**
 * Slow peers (issue 9, "a client sending a byte per second", slowloris): one byte every 250 ms
 * against a 1.5 s fragment timeout, before the bind, inside a later fragment of a call and between
 * calls; a call that stops between two fragments (request timeout); and the converse, a fast peer
 * streaming a long request whose every TCP segment ends inside a fragment, which must not be cut
 * off. While each slow peer holds its connection, another client is served.
 */
class SlowPeerTest {
  private static final long BYTE_INTERVAL_MILLIS = 250;
  /** Only the fragment (and bind) timeout: the request timeout is off, so that each test sees one defence. */
  private static final ServerSettings SHORT = ServerSettings.defaults()
      .withFragmentTimeout(Duration.ofMillis(1500))
      .withRequestTimeout(Duration.ZERO);

  private RawTarget target;

  @AfterEach
  void stop() throws Exception {
    if (target != null) {
      target.assertServesAnotherClient();
      target.close();
    }
  }

  @Test
  void aBindTrickledOneByteAtATimeIsCutOff() throws Exception {
    target = new RawTarget(SHORT);
    byte[] bind = PduCodec.encode(RawConnection.bind(1, RawTarget.IFACE));
    try (RawConnection slow = new RawConnection(target.port())) {
      int sent = trickleWhileOthersAreServed(slow, bind);
      assertThat(sent).as("bytes of a %d-byte bind accepted before the cut", bind.length).isLessThan(bind.length);
    }
  }

  @Test
  void aLaterFragmentOfACallTrickledIsCutOffAndTheCallNeverRuns() throws Exception {
    target = new RawTarget(SHORT);
    try (RawConnection slow = target.bound()) {
      byte[] half = new byte[1000];
      Arrays.fill(half, (byte) 0x5A);
      slow.send(RawConnection.request(PfcFlags.FIRST_FRAG, 2, 0, half));
      byte[] last = PduCodec.encode(RawConnection.request(PfcFlags.LAST_FRAG, 2, 0, half));
      int sent = trickleWhileOthersAreServed(slow, last);
      assertThat(sent).isLessThan(last.length);
    }
    assertThat(target.delivered).noneMatch(stub -> stub.length == 2000);
  }

  @Test
  void aCallTrickledAfterAnAnsweredCallIsCutOff() throws Exception {
    target = new RawTarget(SHORT);
    try (RawConnection slow = target.bound()) {
      slow.send(RawConnection.request(RawConnection.WHOLE, 2, 0, new byte[] {7}));
      assertThat(slow.read()).isInstanceOf(ResponsePdu.class);
      byte[] next = PduCodec.encode(RawConnection.request(RawConnection.WHOLE, 3, 0, new byte[200]));
      int sent = trickleWhileOthersAreServed(slow, next);
      assertThat(sent).isLessThan(next.length);
    }
    assertThat(target.delivered).noneMatch(stub -> stub.length == 200);
  }

  @Test
  void aCallThatStopsBetweenFragmentsIsDroppedByTheRequestTimeout() throws Exception {
    // Every fragment arrives whole and at once, so the fragment timeout never fires; the call
    // simply never ends. Without a request deadline the server would hold the reassembly buffer
    // (up to maxRequestStub) for as long as the peer keeps the connection.
    target = new RawTarget(SHORT.withRequestTimeout(Duration.ofSeconds(3)));
    try (RawConnection stalled = target.bound()) {
      for (int i = 0; i < 10; i++) {
        stalled.send(RawConnection.request(i == 0 ? PfcFlags.FIRST_FRAG : 0, 2, 0, new byte[4000]));
      }
      target.assertServesAnotherClient();
      assertThat(stalled.closedByServer()).as("closed by the server within the 20 s read timeout").isTrue();
    }
    assertThat(target.delivered).noneMatch(stub -> stub.length >= 4000);
  }

  @Test
  void aFastPeerWhoseSegmentsAllEndInsideFragmentsIsNotCutOff() throws Exception {
    // 24 fragments written in halves, 150 ms apart: every read the server makes ends inside a
    // fragment and the request takes longer than the 1.5 s fragment timeout, but each fragment
    // completes quickly. The timeout is per fragment, so the call must succeed.
    target = new RawTarget(SHORT);
    int fragments = 24;
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < fragments; i++) {
      byte[] stub = new byte[1000];
      Arrays.fill(stub, (byte) i);
      expected.write(stub);
      int flags = (i == 0 ? PfcFlags.FIRST_FRAG : 0) | (i == fragments - 1 ? PfcFlags.LAST_FRAG : 0);
      stream.write(PduCodec.encode(RawConnection.request(flags, 2, 0, stub)));
    }
    byte[] bytes = stream.toByteArray();
    int fragmentLength = bytes.length / fragments;
    try (RawConnection fast = target.bound()) {
      int off = 0;
      while (off < bytes.length) {
        // Cut in the middle of a fragment each time: [.. half of k][half of k .. half of k+1]...
        int end = Math.min(bytes.length, off == 0 ? fragmentLength / 2 : off + fragmentLength);
        fast.send(Arrays.copyOfRange(bytes, off, end));
        off = end;
        Thread.sleep(150);
      }
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      ResponsePdu r;
      do {
        r = (ResponsePdu) fast.read();
        assertThat(r).as("a response fragment, not a closed connection").isNotNull();
        reply.write(r.stub());
      } while (!r.hasFlag(PfcFlags.LAST_FRAG));
      assertThat(reply.toByteArray()).isEqualTo(expected.toByteArray());
    }
  }

  /** Trickles {@code bytes}; after a few bytes checks that another client is served meanwhile. */
  private int trickleWhileOthersAreServed(RawConnection slow, byte[] bytes) throws Exception {
    int head = Math.min(3, bytes.length);
    int sent = slow.trickle(Arrays.copyOf(bytes, head), BYTE_INTERVAL_MILLIS);
    assertThat(sent).as("the first bytes are accepted").isEqualTo(head);
    target.assertServesAnotherClient();
    sent += slow.trickle(Arrays.copyOfRange(bytes, head, bytes.length), BYTE_INTERVAL_MILLIS);
    return sent;
  }
}
