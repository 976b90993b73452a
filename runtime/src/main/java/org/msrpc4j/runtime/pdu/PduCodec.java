package org.msrpc4j.runtime.pdu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.msrpc4j.runtime.SyntaxId;

/**
 * Encodes and decodes connection-oriented PDUs, one fragment at a time (C706 12.6, [MS-RPCE] 2.2.2).
 *
 * <p>Decoding validates every length, count and offset against the fragment and reports a problem
 * as {@link PduFormatException}; no other exception escapes for any input. Encoding writes drep
 * little-endian/ASCII, version 5.0, and computes frag_length and auth_length.
 *
 * <p>For request, response and fault PDUs with an auth verifier the encoder pads the stub with
 * zeros to a multiple of 16 bytes (as Samba and Windows do) and records the pad length in the
 * sec_trailer; the decoder honours whatever auth_pad_length the peer sent.
 *
 * <p>Stateless and thread-safe.
 */
public final class PduCodec {
  private PduCodec() {}

  /** The largest number of contexts/results we accept in one bind (the wire field is a u8). */
  private static final int MAX_CONTEXTS = 255;

  // ------------------------------------------------------------------ decode

  private static final byte[] NO_STUB = new byte[0];

  /** Decodes one whole fragment ({@code frame.length} must equal frag_length). */
  public static Pdu decode(byte[] frame) throws PduFormatException {
    return decode(frame, true);
  }

  /**
   * Decodes and validates a fragment exactly as {@link #decode} does, but leaves the stub of a
   * request, response or fault out (empty): for a fragment still sealed, whose stub is taken from
   * the frame once it is unsealed ({@link RequestPdu#withStub}), so the ciphertext is not copied.
   */
  public static Pdu decodeWithoutStub(byte[] frame) throws PduFormatException {
    return decode(frame, false);
  }

  private static Pdu decode(byte[] frame, boolean copyStub) throws PduFormatException {
    PduHeader h = PduHeader.parse(frame);
    if (h.versionMajor() != 5 || h.versionMinor() > 1) {
      throw new PduFormatException("unsupported RPC version " + h.versionMajor() + "." + h.versionMinor());
    }
    if (!h.isLittleEndianAscii()) {
      throw new PduFormatException(String.format("unsupported data representation 0x%08x", h.drep()));
    }
    if (h.fragLength() < PduHeader.LENGTH || h.fragLength() != frame.length) {
      throw new PduFormatException("frag_length " + h.fragLength() + " does not match fragment size " + frame.length);
    }
    if (h.type() == null) {
      throw new PduFormatException("unknown PDU type " + h.typeCode());
    }
    AuthVerifier auth = null;
    int bodyEnd = frame.length;
    if (h.authLength() != 0) {
      int trailer = frame.length - h.authLength() - AuthVerifier.TRAILER_LENGTH;
      if (trailer < PduHeader.LENGTH) {
        throw new PduFormatException("auth_length " + h.authLength() + " larger than the fragment allows");
      }
      WireReader t = new WireReader(frame, trailer, frame.length);
      int authType = t.u8("auth_type");
      int authLevel = t.u8("auth_level");
      int pad = t.u8("auth_pad_length");
      t.u8("auth_reserved");
      int ctx = t.u32("auth_context_id");
      byte[] token = t.bytes(h.authLength(), "auth_value");
      auth = new AuthVerifier(authType, authLevel, pad, ctx, token);
      bodyEnd = trailer;
    }
    WireReader r = new WireReader(frame, PduHeader.LENGTH, bodyEnd);
    return switch (h.type()) {
      case BIND, ALTER_CONTEXT -> decodeBind(h, r, auth);
      case BIND_ACK, ALTER_CONTEXT_RESP -> decodeBindAck(h, r, auth);
      case BIND_NAK -> new BindNakPdu(h.flags(), h.callId(), r.u16("reject_reason"));
      case REQUEST -> decodeRequest(h, r, auth, copyStub);
      case RESPONSE -> decodeResponse(h, r, auth, copyStub);
      case FAULT -> decodeFault(h, r, auth, copyStub);
      case AUTH3 -> {
        if (auth == null) {
          throw new PduFormatException("auth3 without an auth verifier");
        }
        yield new Auth3Pdu(h.flags(), h.callId(), auth);
      }
      case SHUTDOWN -> new ShutdownPdu(h.flags(), h.callId());
      case CO_CANCEL -> new CancelPdu(h.flags(), h.callId(), auth);
      case ORPHANED -> new OrphanedPdu(h.flags(), h.callId(), auth);
    };
  }

  private static SyntaxId syntax(WireReader r, String what) throws PduFormatException {
    UUID u = r.uuid(what);
    int major = r.u16(what);
    int minor = r.u16(what);
    return new SyntaxId(u, major, minor);
  }

  private static BindPdu decodeBind(PduHeader h, WireReader r, AuthVerifier auth) throws PduFormatException {
    int maxXmit = r.u16("max_xmit_frag");
    int maxRecv = r.u16("max_recv_frag");
    int group = r.u32("assoc_group_id");
    int n = r.u8("n_context_elem");
    r.skip(3, "reserved");
    // Each element needs at least 24 bytes: check the count against what is there before allocating.
    if (n * 24L > r.remaining()) {
      throw new PduFormatException("n_context_elem " + n + " does not fit the fragment");
    }
    List<PresentationContext> contexts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int id = r.u16("p_cont_id");
      int nts = r.u8("n_transfer_syn");
      r.u8("reserved");
      SyntaxId abs = syntax(r, "abstract_syntax");
      if (nts * 20L > r.remaining()) {
        throw new PduFormatException("n_transfer_syn " + nts + " does not fit the fragment");
      }
      List<SyntaxId> ts = new ArrayList<>(nts);
      for (int j = 0; j < nts; j++) {
        ts.add(syntax(r, "transfer_syntax"));
      }
      contexts.add(new PresentationContext(id, abs, ts));
    }
    return new BindPdu(h.type(), h.flags(), h.callId(), maxXmit, maxRecv, group, contexts, auth);
  }

  private static BindAckPdu decodeBindAck(PduHeader h, WireReader r, AuthVerifier auth) throws PduFormatException {
    int maxXmit = r.u16("max_xmit_frag");
    int maxRecv = r.u16("max_recv_frag");
    int group = r.u32("assoc_group_id");
    int addrLen = r.u16("sec_addr length");
    byte[] addr = r.bytes(addrLen, "sec_addr");
    int len = addrLen;
    while (len > 0 && addr[len - 1] == 0) {
      len--;
    }
    String secAddr = new String(addr, 0, len, StandardCharsets.US_ASCII);
    r.alignTo(0, 4, "sec_addr padding");
    int n = r.u8("n_results");
    r.skip(3, "reserved");
    if (n * 24L > r.remaining()) {
      throw new PduFormatException("n_results " + n + " does not fit the fragment");
    }
    List<ContextResult> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int result = r.u16("result");
      int reason = r.u16("reason");
      results.add(new ContextResult(result, reason, syntax(r, "transfer_syntax")));
    }
    return new BindAckPdu(h.type(), h.flags(), h.callId(), maxXmit, maxRecv, group, secAddr, results, auth);
  }

  /** The stub runs to the end of the body minus the auth padding. */
  private static byte[] stub(WireReader r, AuthVerifier auth, boolean copy) throws PduFormatException {
    int pad = auth == null ? 0 : auth.padLength();
    if (pad > r.remaining()) {
      throw new PduFormatException("auth_pad_length " + pad + " larger than the stub");
    }
    return copy ? r.bytes(r.remaining() - pad, "stub") : NO_STUB;
  }

  private static RequestPdu decodeRequest(PduHeader h, WireReader r, AuthVerifier auth, boolean copyStub) throws PduFormatException {
    int allocHint = r.u32("alloc_hint");
    int ctx = r.u16("p_cont_id");
    int opnum = r.u16("opnum");
    UUID object = (h.flags() & PfcFlags.OBJECT_UUID) != 0 ? r.uuid("object") : null;
    return new RequestPdu(h.flags(), h.callId(), allocHint, ctx, opnum, object, stub(r, auth, copyStub), auth);
  }

  private static ResponsePdu decodeResponse(PduHeader h, WireReader r, AuthVerifier auth, boolean copyStub) throws PduFormatException {
    int allocHint = r.u32("alloc_hint");
    int ctx = r.u16("p_cont_id");
    int cancels = r.u8("cancel_count");
    r.u8("reserved");
    return new ResponsePdu(h.flags(), h.callId(), allocHint, ctx, cancels, stub(r, auth, copyStub), auth);
  }

  private static FaultPdu decodeFault(PduHeader h, WireReader r, AuthVerifier auth, boolean copyStub) throws PduFormatException {
    int allocHint = r.u32("alloc_hint");
    int ctx = r.u16("p_cont_id");
    int cancels = r.u8("cancel_count");
    int faultFlags = r.u8("fault_flags");
    int status = r.u32("status");
    r.u32("reserved");
    return new FaultPdu(h.flags(), h.callId(), allocHint, ctx, cancels, faultFlags, status, stub(r, auth, copyStub), auth);
  }

  // ------------------------------------------------------------------ encode

  /** Encodes {@code pdu} into one fragment. */
  public static byte[] encode(Pdu pdu) {
    WireWriter w = new WireWriter(64 + stubLength(pdu));
    w.u8(5);
    w.u8(0);
    w.u8(pdu.type().code());
    w.u8(pdu.flags());
    w.u32(PduHeader.DREP_LITTLE_ENDIAN);
    w.u16(0); // frag_length, patched below
    w.u16(pdu.auth() == null ? 0 : pdu.auth().token().length);
    w.u32(pdu.callId());
    boolean stubPdu = false;
    if (pdu instanceof BindPdu b) {
      w.u16(b.maxXmitFrag());
      w.u16(b.maxRecvFrag());
      w.u32(b.assocGroupId());
      w.u8(b.contexts().size());
      w.zeros(3);
      for (PresentationContext c : b.contexts()) {
        w.u16(c.contextId());
        w.u8(c.transferSyntaxes().size());
        w.u8(0);
        syntax(w, c.abstractSyntax());
        for (SyntaxId t : c.transferSyntaxes()) {
          syntax(w, t);
        }
      }
    } else if (pdu instanceof BindAckPdu a) {
      w.u16(a.maxXmitFrag());
      w.u16(a.maxRecvFrag());
      w.u32(a.assocGroupId());
      byte[] addr = a.secondaryAddress().getBytes(StandardCharsets.US_ASCII);
      if (addr.length == 0) {
        w.u16(0);
      } else {
        w.u16(addr.length + 1);
        w.bytes(addr);
        w.u8(0);
      }
      w.alignTo(0, 4);
      w.u8(a.results().size());
      w.zeros(3);
      for (ContextResult r : a.results()) {
        w.u16(r.result());
        w.u16(r.reason());
        syntax(w, r.transferSyntax());
      }
    } else if (pdu instanceof BindNakPdu n) {
      w.u16(n.rejectReason());
      // p_rt_versions_supported: one entry, version 5.0.
      w.u8(1);
      w.u8(5);
      w.u8(0);
    } else if (pdu instanceof RequestPdu q) {
      stubPdu = true;
      w.u32(q.allocHint());
      w.u16(q.contextId());
      w.u16(q.opnum());
      if (q.object() != null) {
        w.uuid(q.object());
      }
      w.bytes(q.stub());
    } else if (pdu instanceof ResponsePdu p) {
      stubPdu = true;
      w.u32(p.allocHint());
      w.u16(p.contextId());
      w.u8(p.cancelCount());
      w.u8(0);
      w.bytes(p.stub());
    } else if (pdu instanceof FaultPdu f) {
      stubPdu = true;
      w.u32(f.allocHint());
      w.u16(f.contextId());
      w.u8(f.cancelCount());
      w.u8(f.faultFlags());
      w.u32(f.status());
      w.u32(0);
      w.bytes(f.stub());
    } else if (pdu instanceof Auth3Pdu) {
      w.zeros(4);
    }
    // shutdown, co_cancel and orphaned have no body.
    AuthVerifier auth = pdu.auth();
    if (auth != null) {
      int pad;
      if (stubPdu) {
        int stubStart = stubStart(pdu);
        pad = (16 - ((w.position() - stubStart) % 16)) % 16;
      } else {
        pad = (4 - (w.position() % 4)) % 4;
      }
      w.zeros(pad);
      w.u8(auth.authType());
      w.u8(auth.authLevel());
      w.u8(pad);
      w.u8(0);
      w.u32(auth.contextId());
      w.bytes(auth.token());
    }
    byte[] out = w.toByteArray();
    if (out.length > 0xFFFF) {
      throw new IllegalArgumentException("fragment of " + out.length + " bytes exceeds 65535");
    }
    out[PduHeader.FRAG_LENGTH_OFFSET] = (byte) out.length;
    out[PduHeader.FRAG_LENGTH_OFFSET + 1] = (byte) (out.length >>> 8);
    return out;
  }

  /** Offset of the stub in an encoded request/response/fault. */
  private static int stubStart(Pdu pdu) {
    if (pdu instanceof RequestPdu q) {
      return q.object() != null ? 40 : 24;
    }
    return pdu instanceof FaultPdu ? 32 : 24;
  }

  private static int stubLength(Pdu pdu) {
    if (pdu instanceof RequestPdu q) {
      return q.stub().length;
    } else if (pdu instanceof ResponsePdu p) {
      return p.stub().length;
    } else if (pdu instanceof FaultPdu f) {
      return f.stub().length;
    }
    return 0;
  }

  private static void syntax(WireWriter w, SyntaxId s) {
    w.uuid(s.uuid());
    w.u16(s.major());
    w.u16(s.minor());
  }

  /** The largest number of contexts in a bind or results in a bind_ack. */
  public static int maxContexts() {
    return MAX_CONTEXTS;
  }
}
