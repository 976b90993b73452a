package org.msrpc4j.runtime.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.pdu.FaultPdu;
import org.msrpc4j.runtime.pdu.PfcFlags;
import org.msrpc4j.runtime.pdu.RequestPdu;
import org.msrpc4j.runtime.server.ServerSettings;

/**
 * Sizes an attacker claims (issue 9, "oversized fragments and reassembly past the limit"). A
 * fragment above the negotiated size and a request past maxRequestStub are in BadInputTest; here:
 * alloc_hint claiming far more than is sent, from many connections at once, must not make the
 * server allocate what was claimed; and a request that lies low in alloc_hint still stops at the
 * limit.
 */
class OversizeInputTest {
  @Test
  void hugeAllocHintsFromManyConnectionsDoNotAllocateWhatTheyClaim() throws Exception {
    // 400 connections each send a 24-byte first fragment claiming an 8 MiB request and stop. If the
    // server sized its buffer from the hint (or a 1 MiB cap of it) that would be 400 MiB or more.
    int connections = 400;
    try (RawTarget target = new RawTarget(ServerSettings.defaults())) {
      List<RawConnection> open = new ArrayList<>();
      try {
        RawConnection first = target.bound();
        open.add(first);
        long before = usedHeapAfterGc();
        for (int i = 0; i < connections; i++) {
          RawConnection c = i == 0 ? first : target.bound();
          if (i > 0) {
            open.add(c);
          }
          c.send(new RequestPdu(PfcFlags.FIRST_FRAG, 2, 8 << 20, 0, 0, null, new byte[8], null));
        }
        target.assertServesAnotherClient();
        Thread.sleep(500); // the server has read every fragment above
        long grown = usedHeapAfterGc() - before;
        System.out.printf("%d first fragments claiming 8 MiB each: heap +%d KiB%n", connections, grown / 1024);
        assertThat(grown).as("heap growth for %d claimed 8 MiB requests", connections).isLessThan(128L << 20);
      } finally {
        for (RawConnection c : open) {
          c.close();
        }
      }
    }
  }

  @Test
  void aRequestWhoseAllocHintLiesLowStillStopsAtTheLimit() throws Exception {
    try (RawTarget target = new RawTarget(ServerSettings.defaults().withMaxRequestStub(64 * 1024));
        RawConnection c = target.bound()) {
      byte[] chunk = new byte[5000];
      c.send(new RequestPdu(PfcFlags.FIRST_FRAG, 2, 16, 0, 0, null, chunk, null));
      for (int i = 0; i < 13; i++) {
        c.send(new RequestPdu(0, 2, 16, 0, 0, null, chunk, null));
      }
      assertThat(c.read()).isInstanceOfSatisfying(FaultPdu.class,
          f -> assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_FAULT_REMOTE_NO_MEMORY));
      assertThat(c.closedByServer()).isTrue();
      assertThat(target.delivered).isEmpty();
      target.assertServesAnotherClient();
    }
  }

  @Test
  void incompleteRequestsOfManyConnectionsShareOneBudget() throws Exception {
    // 1 MiB for all incomplete requests; four connections send 50 fragments of 5000 bytes (250 KB)
    // of a call each and wait: a fifth crosses the budget and is refused, the first four complete.
    ServerSettings settings = ServerSettings.defaults().withMaxReassemblyBytes(1 << 20);
    try (RawTarget target = new RawTarget(settings)) {
      List<RawConnection> open = new ArrayList<>();
      try {
        byte[] chunk = new byte[5000];
        for (int c = 0; c < 4; c++) {
          RawConnection conn = target.bound();
          open.add(conn);
          for (int i = 0; i < 50; i++) {
            conn.send(new RequestPdu(i == 0 ? PfcFlags.FIRST_FRAG : 0, 2, 0, 0, 0, null, chunk, null));
          }
        }
        // The server reads each connection on its own event loop: wait until it holds all four.
        long until = System.nanoTime() + 20_000_000_000L;
        while (target.server.reassemblyBytes() < 4 * 50 * 5000 && System.nanoTime() < until) {
          Thread.sleep(20);
        }
        assertThat(target.server.reassemblyBytes()).isEqualTo(4 * 50 * 5000);
        try (RawConnection greedy = target.bound()) {
          // 1 MiB - 1 000 000 bytes leave room for 9 fragments: the 10th is refused. Sending more
          // would race with the server's close (a reset could swallow the fault).
          for (int i = 0; i < 10; i++) {
            greedy.send(new RequestPdu(i == 0 ? PfcFlags.FIRST_FRAG : 0, 2, 0, 0, 0, null, chunk, null));
          }
          assertThat(greedy.read()).isInstanceOfSatisfying(FaultPdu.class, f -> {
            assertThat(f.status()).isEqualTo(RpcStatus.NCA_S_SERVER_TOO_BUSY);
            assertThat(f.hasFlag(PfcFlags.DID_NOT_EXECUTE)).isTrue();
          });
          assertThat(greedy.closedByServer()).isTrue();
        }
        assertThat(target.server.reassemblyBytes()).isLessThanOrEqualTo(1 << 20);
        for (RawConnection conn : open) {
          conn.send(new RequestPdu(PfcFlags.LAST_FRAG, 2, 0, 0, 0, null, new byte[] {9}, null));
          int received = 0;
          org.msrpc4j.runtime.pdu.ResponsePdu r;
          do {
            r = (org.msrpc4j.runtime.pdu.ResponsePdu) conn.read();
            received += r.stub().length;
          } while (!r.hasFlag(PfcFlags.LAST_FRAG));
          assertThat(received).isEqualTo(50 * 5000 + 1);
        }
        assertThat(target.server.reassemblyBytes()).as("budget held after the calls completed").isZero();
        target.assertServesAnotherClient();
      } finally {
        for (RawConnection c : open) {
          c.close();
        }
      }
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
