package org.msrpc4j.security.ntlm;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ClientContextRequest;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.ClientSecurityContext;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.NtHashIdentity;
import org.msrpc4j.security.PasswordIdentity;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;

/**
 * NTLM client ([MS-NLMP] 3.1): NEGOTIATE, then AUTHENTICATE with an NTLMv2 response, extended
 * session security, key exchange, 128-bit keys, MsvAvFlags / MIC and MsvAvTargetName (the SPN).
 * The handshake must be driven by one thread; per-message operations are thread-safe (see {@link
 * org.msrpc4j.security.SecurityContext}).
 */
public final class NtlmClientContext extends NtlmContext implements ClientSecurityContext {
  private enum State { INITIAL, NEGOTIATE_SENT, DONE, FAILED }

  private final ClientIdentity identity;
  private final byte[] ntHash;
  private final String targetName;
  private final String workstation;
  private final AuthnLevel level;
  private final ImpersonationLevel requestedImpersonation;
  private final SecureRandom random;
  private final Clock clock;
  private State state = State.INITIAL;
  private byte[] negotiateBytes;
  private int offeredFlags;
  private boolean micSent;

  NtlmClientContext(
      ClientContextRequest request, String workstation, SecureRandom random, Clock clock)
      throws SecurityContextException {
    super(true);
    this.identity = request.identity();
    if (identity instanceof PasswordIdentity p) {
      char[] pw = p.password();
      try {
        this.ntHash = NtlmCrypto.ntowfV1(pw);
      } finally {
        Arrays.fill(pw, '\0');
      }
    } else if (identity instanceof NtHashIdentity h) {
      this.ntHash = h.ntHash();
    } else if (identity.isAnonymous()) {
      this.ntHash = null;
    } else {
      throw new SecurityContextException(
          SecurityStatus.UNKNOWN_CREDENTIALS,
          "NTLM needs a password, an NT hash or the anonymous identity, not "
              + identity.getClass().getSimpleName());
    }
    this.targetName = request.targetName();
    this.workstation = workstation;
    this.level = request.level().effectiveForConnectionOriented();
    this.requestedImpersonation = request.qos().impersonationLevel();
    this.random = random;
    this.clock = clock;
  }

  @Override
  public ContextStep initialize(byte[] inputToken) throws SecurityContextException {
    try {
      switch (state) {
        case INITIAL:
          if (inputToken != null && inputToken.length > 0) {
            throw new SecurityContextException(
                SecurityStatus.INVALID_TOKEN, "the first NTLM client step takes no input token");
          }
          offeredFlags = offeredFlags();
          negotiateBytes = new NegotiateMessage(offeredFlags, "", "").encode();
          state = State.NEGOTIATE_SENT;
          return ContextStep.continueWith(negotiateBytes);
        case NEGOTIATE_SENT:
          byte[] authenticate;
          try {
            authenticate = authenticate(inputToken);
          } finally {
            if (ntHash != null) {
              Arrays.fill(ntHash, (byte) 0); // the password-equivalent is not needed any more
            }
          }
          state = State.DONE;
          return ContextStep.complete(authenticate);
        default:
          throw new SecurityContextException(
              SecurityStatus.INVALID_HANDLE,
              state == State.DONE
                  ? "the NTLM handshake is already complete"
                  : "the NTLM handshake failed earlier");
      }
    } catch (SecurityContextException e) {
      state = State.FAILED;
      throw e;
    }
  }

  private int offeredFlags() {
    int f =
        NtlmFlags.NEGOTIATE_UNICODE
            | NtlmFlags.NEGOTIATE_OEM
            | NtlmFlags.REQUEST_TARGET
            | NtlmFlags.NEGOTIATE_NTLM
            | NtlmFlags.NEGOTIATE_ALWAYS_SIGN
            | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY
            | NtlmFlags.NEGOTIATE_VERSION
            | NtlmFlags.NEGOTIATE_128
            | NtlmFlags.NEGOTIATE_56
            | NtlmFlags.NEGOTIATE_KEY_EXCH
            // SIGN at every level: it makes the server derive the session key, as Samba and Windows do.
            | NtlmFlags.NEGOTIATE_SIGN;
    if (level.isPrivacy()) {
      f |= NtlmFlags.NEGOTIATE_SEAL;
    }
    if (requestedImpersonation == ImpersonationLevel.IDENTIFY) {
      f |= NtlmFlags.NEGOTIATE_IDENTIFY;
    }
    return f;
  }

  private byte[] authenticate(byte[] challengeBytes) throws SecurityContextException {
    ChallengeMessage challenge = ChallengeMessage.parse(challengeBytes);
    int serverFlags = challenge.flags();
    if ((serverFlags & NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY) == 0) {
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH,
          "the server does not offer NTLM extended session security (only NTLMv1-style security,"
              + " which this client refuses)");
    }
    if (level.protectsEachPdu()
        && (serverFlags & (NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL)) == 0) {
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH, "the server refused NTLM signing, needed at level " + level);
    }
    if (level.isPrivacy() && (serverFlags & NtlmFlags.NEGOTIATE_SEAL) == 0) {
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH, "the server refused NTLM sealing, needed at PKT_PRIVACY");
    }
    if (level.protectsEachPdu() && (serverFlags & NtlmFlags.NEGOTIATE_128) == 0) {
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH, "the server refused 128-bit NTLM session keys");
    }
    // Keep what both sides offered; the unicode choice is the server's.
    int flags = offeredFlags & serverFlags | (serverFlags & NtlmFlags.NEGOTIATE_UNICODE);
    if ((flags & NtlmFlags.NEGOTIATE_UNICODE) == 0) {
      flags |= NtlmFlags.NEGOTIATE_OEM;
    }
    boolean anonymous = identity.isAnonymous();
    if (anonymous) {
      flags |= NtlmFlags.ANONYMOUS;
    }

    byte[] lm;
    byte[] nt;
    byte[] keyExchangeKey;
    AvPairs serverInfo = challenge.targetInfo();
    boolean serverTimestamp = serverInfo.timestamp().isPresent();
    if (anonymous) {
      lm = new byte[1];
      nt = new byte[0];
      keyExchangeKey = new byte[16]; // [MS-NLMP] 3.2.5.1.2: a null session uses Z(16)
    } else {
      long time = serverInfo.timestamp().orElseGet(() -> FileTime.of(clock.instant()));
      AvPairs clientInfo = serverInfo;
      if (serverTimestamp) {
        clientInfo = clientInfo.with(AvPairs.FLAGS, AvPairs.le32(serverInfo.flags() | NtlmFlags.AV_FLAG_MIC_PRESENT));
        micSent = true;
      }
      clientInfo = clientInfo.with(AvPairs.CHANNEL_BINDINGS, new byte[16]);
      clientInfo = clientInfo.withString(AvPairs.TARGET_NAME, targetName);
      byte[] clientChallenge = new byte[8];
      random.nextBytes(clientChallenge);
      byte[] responseKey = NtlmCrypto.ntowfV2(ntHash, identity.user(), identity.domain());
      NtlmV2Response response =
          NtlmV2Response.compute(responseKey, challenge.serverChallenge(), clientChallenge, time, clientInfo, serverTimestamp);
      lm = response.lmResponse();
      nt = response.ntResponse();
      keyExchangeKey = response.sessionBaseKey();
    }

    byte[] exportedKey;
    byte[] encryptedKey;
    if ((flags & NtlmFlags.NEGOTIATE_KEY_EXCH) != 0
        && (flags & (NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL)) != 0) {
      exportedKey = new byte[16];
      random.nextBytes(exportedKey);
      encryptedKey = NtlmCrypto.rc4k(keyExchangeKey, exportedKey);
    } else {
      exportedKey = keyExchangeKey;
      encryptedKey = new byte[0];
    }

    AuthenticateMessage message =
        new AuthenticateMessage(
            lm,
            nt,
            anonymous ? "" : identity.domain(),
            anonymous ? "" : identity.user(),
            workstation,
            encryptedKey,
            flags,
            new byte[16]);
    byte[] bytes = message.encode();
    // Always fill the MIC field, as Windows and Samba do; the server checks it when MsvAvFlags says so.
    byte[] mic = NtlmCrypto.hmacMd5(exportedKey, negotiateBytes, challengeBytes, bytes);
    System.arraycopy(mic, 0, bytes, AuthenticateMessage.MIC_OFFSET, 16);

    ImpersonationLevel granted =
        anonymous
            ? ImpersonationLevel.ANONYMOUS
            : (flags & NtlmFlags.NEGOTIATE_IDENTIFY) != 0
                ? ImpersonationLevel.IDENTIFY
                : ImpersonationLevel.IMPERSONATE;
    establish(flags, exportedKey, anonymous, granted);
    return bytes;
  }

  @Override
  public String peerPrincipal() {
    return targetName;
  }

  /** True when the AUTHENTICATE message announced its MIC in MsvAvFlags (SPNEGO then exchanges mechListMICs). */
  public boolean micSent() {
    return micSent;
  }
}
