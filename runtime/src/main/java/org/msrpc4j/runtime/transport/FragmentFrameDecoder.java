package org.msrpc4j.runtime.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.msrpc4j.runtime.pdu.PduHeader;

/**
 * Cuts the TCP byte stream into whole fragments (byte[] of exactly frag_length bytes), using the
 * frag_length field of the common header.
 *
 * <p>Untrusted input: a frag_length below 16 or above {@link #maxFragment(int) the allowed size}
 * produces one {@link FrameError} and the decoder then discards everything; a fragment that is not
 * complete within the fragment timeout (a peer trickling bytes) produces a {@link FrameError} too.
 * Memory per connection is therefore bounded by the maximum fragment size. The timeout runs per
 * fragment: a fast peer streaming fragments back to back (every read ending inside a fragment) is
 * never cut off, however long the stream.
 *
 * <p>Not sharable; confined to its channel's event loop.
 */
public final class FragmentFrameDecoder extends ByteToMessageDecoder {
  private int maxFragment;
  private final long fragmentTimeoutMillis;
  private boolean failed;
  /** Armed exactly while a partial fragment is buffered. */
  private ScheduledFuture<?> deadline;
  /** When the first byte of the partial fragment now buffered arrived (System.nanoTime). */
  private long fragmentStartNanos;

  /**
   * @param maxFragment largest fragment accepted before negotiation (≤ 65535)
   * @param fragmentTimeoutMillis time allowed to receive one fragment once its first byte arrived
   */
  public FragmentFrameDecoder(int maxFragment, long fragmentTimeoutMillis) {
    this.maxFragment = maxFragment;
    this.fragmentTimeoutMillis = fragmentTimeoutMillis;
  }

  /** Lowers (or sets) the largest fragment accepted, e.g. to the negotiated max_recv_frag. */
  public void maxFragment(int max) {
    this.maxFragment = max;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    boolean completed = false;
    while (in.readableBytes() >= PduHeader.LENGTH) {
      int start = in.readerIndex();
      int fragLength = in.getUnsignedShortLE(start + PduHeader.FRAG_LENGTH_OFFSET);
      if (fragLength < PduHeader.LENGTH || fragLength > maxFragment) {
        byte[] header = new byte[PduHeader.LENGTH];
        in.getBytes(start, header);
        fail(in, out, new FrameError("frag_length " + fragLength + " outside 16.." + maxFragment, header));
        return;
      }
      if (in.readableBytes() < fragLength) {
        break;
      }
      byte[] frame = new byte[fragLength];
      in.readBytes(frame);
      out.add(frame);
      completed = true;
    }
    armDeadline(ctx, in.isReadable(), completed);
  }

  private void fail(ByteBuf in, List<Object> out, FrameError error) {
    failed = true;
    cancelDeadline();
    in.skipBytes(in.readableBytes());
    out.add(error);
  }

  /**
   * @param partial bytes of an incomplete fragment are buffered
   * @param completed this read completed a fragment, so the buffered bytes start a new one
   */
  private void armDeadline(ChannelHandlerContext ctx, boolean partial, boolean completed) {
    if (!partial) {
      cancelDeadline();
    } else if (fragmentTimeoutMillis > 0) {
      if (deadline == null) {
        fragmentStartNanos = System.nanoTime();
        deadline = ctx.executor().schedule(() -> onDeadline(ctx), fragmentTimeoutMillis, TimeUnit.MILLISECONDS);
      } else if (completed) {
        // Restart the clock without rescheduling: onDeadline reschedules for the time left.
        fragmentStartNanos = System.nanoTime();
      }
    }
  }

  private void onDeadline(ChannelHandlerContext ctx) {
    deadline = null;
    ByteBuf buf = internalBuffer();
    if (failed || !buf.isReadable()) {
      return;
    }
    long leftNanos = TimeUnit.MILLISECONDS.toNanos(fragmentTimeoutMillis) - (System.nanoTime() - fragmentStartNanos);
    if (leftNanos > 0) {
      deadline = ctx.executor().schedule(() -> onDeadline(ctx), leftNanos, TimeUnit.NANOSECONDS);
      return;
    }
    byte[] header = new byte[Math.min(PduHeader.LENGTH, buf.readableBytes())];
    buf.getBytes(buf.readerIndex(), header);
    failed = true;
    buf.skipBytes(buf.readableBytes());
    ctx.fireChannelRead(new FrameError("fragment not completed within " + fragmentTimeoutMillis + " ms", header));
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    cancelDeadline();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelDeadline();
    super.channelInactive(ctx);
  }
}
