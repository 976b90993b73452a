package org.msrpc4j.security.ntlm;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.msrpc4j.authz.Sid;
import org.msrpc4j.authz.Token;
import org.msrpc4j.authz.TokenGroup;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.ContextStep;
import org.msrpc4j.security.ImpersonationLevel;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.ServerSecurityContext;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.accounts.Account;
import org.msrpc4j.security.accounts.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NTLM server ([MS-NLMP] 3.2): answers NEGOTIATE with a CHALLENGE (fresh challenge, AV pairs with
 * timestamp), then verifies the AUTHENTICATE against the account store: NTLMv2 proof (retrying
 * with an empty domain, as the spec asks), timestamp skew, challenge redeemed once, MIC, target
 * name, disabled accounts; NTLMv1 only when enabled; null sessions when allowed. The handshake
 * must be driven by one thread; per-message operations are thread-safe.
 */
public final class NtlmServerContext extends NtlmContext implements ServerSecurityContext {
  private static final Logger LOG = LoggerFactory.getLogger(NtlmServerContext.class);
  private static final String LOGON_FAILURE = "logon failure: unknown user name or bad password";

  private enum State { INITIAL, CHALLENGE_SENT, DONE, FAILED }

  private final NtlmServerConfig config;
  private final ChallengeLedger ledger;
  private final SecureRandom random;
  private final AuthnLevel level;
  private State state = State.INITIAL;
  private byte[] negotiateBytes;
  private byte[] challengeBytes;
  private byte[] serverChallenge;
  private int challengeFlags;
  private volatile String clientPrincipal = "";
  private volatile String targetName = "";
  private volatile Token token;
  private volatile boolean micVerified;

  NtlmServerContext(NtlmServerConfig config, ChallengeLedger ledger, SecureRandom random, AuthnLevel level) {
    super(false);
    this.config = config;
    this.ledger = ledger;
    this.random = random;
    this.level = level.effectiveForConnectionOriented();
  }

  @Override
  public ContextStep accept(byte[] inputToken) throws SecurityContextException {
    try {
      switch (state) {
        case INITIAL:
          byte[] challenge = challenge(inputToken);
          state = State.CHALLENGE_SENT;
          return ContextStep.continueWith(challenge);
        case CHALLENGE_SENT:
          authenticate(inputToken);
          state = State.DONE;
          return ContextStep.complete(null);
        default:
          throw new SecurityContextException(
              SecurityStatus.INVALID_HANDLE,
              state == State.DONE ? "the NTLM handshake is already complete" : "the NTLM handshake failed earlier");
      }
    } catch (SecurityContextException e) {
      state = State.FAILED;
      throw e;
    }
  }

  private byte[] challenge(byte[] negotiate) throws SecurityContextException {
    NegotiateMessage n = NegotiateMessage.parse(negotiate);
    int cf = n.flags();
    if ((cf & NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY) == 0) {
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH,
          "the client does not offer NTLM extended session security; this server refuses the older scheme");
    }
    int f = NtlmFlags.NEGOTIATE_NTLM | NtlmFlags.NEGOTIATE_TARGET_INFO | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY;
    if ((cf & NtlmFlags.NEGOTIATE_UNICODE) != 0) {
      f |= NtlmFlags.NEGOTIATE_UNICODE;
    } else if ((cf & NtlmFlags.NEGOTIATE_OEM) != 0) {
      f |= NtlmFlags.NEGOTIATE_OEM;
    } else {
      throw NtlmReader.invalid("NEGOTIATE_MESSAGE offers neither UNICODE nor OEM");
    }
    if ((cf & NtlmFlags.REQUEST_TARGET) != 0) {
      f |= NtlmFlags.REQUEST_TARGET | NtlmFlags.TARGET_TYPE_DOMAIN;
    }
    f |= cf
        & (NtlmFlags.NEGOTIATE_SIGN
            | NtlmFlags.NEGOTIATE_SEAL
            | NtlmFlags.NEGOTIATE_ALWAYS_SIGN
            | NtlmFlags.NEGOTIATE_128
            | NtlmFlags.NEGOTIATE_56
            | NtlmFlags.NEGOTIATE_KEY_EXCH
            | NtlmFlags.NEGOTIATE_VERSION
            | NtlmFlags.NEGOTIATE_IDENTIFY);
    checkLevel(f);
    challengeFlags = f;
    serverChallenge = ledger.issue(random);
    AccountStore store = config.accounts();
    AvPairs info =
        AvPairs.empty()
            .withString(AvPairs.NB_DOMAIN_NAME, store.domain())
            .withString(AvPairs.NB_COMPUTER_NAME, config.computerName())
            .withString(AvPairs.DNS_DOMAIN_NAME, store.realm().isEmpty() ? store.domain() : store.realm().toLowerCase(Locale.ROOT))
            .withString(AvPairs.DNS_COMPUTER_NAME, config.dnsComputerName())
            .with(AvPairs.TIMESTAMP, AvPairs.le64(FileTime.of(config.clock().instant())));
    negotiateBytes = negotiate.clone();
    challengeBytes = new ChallengeMessage(f, store.domain(), serverChallenge, info).encode();
    return challengeBytes.clone();
  }

  /** Refuses flag sets that cannot give the protection the bind's auth_level needs. */
  private void checkLevel(int flags) throws SecurityContextException {
    if (level.protectsEachPdu() && (flags & (NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL)) == 0) {
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH, "the client did not negotiate NTLM signing, needed at level " + level);
    }
    if (level.isPrivacy() && (flags & NtlmFlags.NEGOTIATE_SEAL) == 0) {
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH, "the client did not negotiate NTLM sealing, needed at PKT_PRIVACY");
    }
    if (level.protectsEachPdu() && (flags & NtlmFlags.NEGOTIATE_128) == 0) {
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH, "the client did not negotiate 128-bit NTLM keys");
    }
  }

  private void authenticate(byte[] authBytes) throws SecurityContextException {
    AuthenticateMessage a = AuthenticateMessage.parse(authBytes);
    if (!ledger.redeem(serverChallenge)) {
      throw new SecurityContextException(
          SecurityStatus.LOGON_DENIED, "logon failure: the NTLM challenge was already used or has expired");
    }
    // Key-affecting bits: only what both the CHALLENGE and the AUTHENTICATE carry.
    // (Samba's anonymous client, for one, drops extended session security here.)
    int keyBits = NtlmFlags.NEGOTIATE_KEY_EXCH | NtlmFlags.NEGOTIATE_128 | NtlmFlags.NEGOTIATE_56
        | NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY;
    int flags = challengeFlags & ~keyBits | (challengeFlags & a.flags() & keyBits);
    checkLevel(flags);

    boolean anonymous =
        a.user().isEmpty()
            && a.ntResponse().length == 0
            && (a.lmResponse().length == 0 || Arrays.equals(a.lmResponse(), new byte[1]));
    if (!anonymous && level.protectsEachPdu() && (flags & NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY) == 0) {
      // Only null sessions may fall back to the older CRC32 scheme (they have no secret to protect).
      throw new SecurityContextException(
          SecurityStatus.ALGORITHM_MISMATCH,
          "the client's AUTHENTICATE dropped NTLM extended session security, which this server"
              + " requires for signing and sealing at level " + level);
    }
    byte[] keyExchangeKey;
    Account account = null;
    AvPairs clientInfo = AvPairs.empty();
    if (anonymous) {
      if (!config.allowAnonymous()) {
        throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "logon failure: anonymous logons are not allowed");
      }
      keyExchangeKey = new byte[16];
    } else {
      AccountStore store = config.accounts();
      Optional<Account> found =
          store.isOwnDomain(a.domain()) ? store.findUser(a.user()) : Optional.empty();
      byte[] nt = a.ntResponse();
      if (nt.length > 24) {
        clientInfo = NtlmV2Response.avPairs(nt);
        keyExchangeKey = verifyV2(a, found);
      } else if (nt.length == 24) {
        if (!config.allowNtlmV1()) {
          LOG.info("refused an NTLMv1 logon for {}", who(a.domain(), a.user()));
          throw new SecurityContextException(
              SecurityStatus.ALGORITHM_MISMATCH, "logon failure: NTLMv1 is not accepted by this server");
        }
        keyExchangeKey = verifyV1(a, found);
      } else {
        LOG.info("refused an LM-only logon for {}", who(a.domain(), a.user()));
        throw new SecurityContextException(
            SecurityStatus.ALGORITHM_MISMATCH, "logon failure: LM authentication is not accepted by this server");
      }
      account = found.orElseThrow(); // verify* fail when absent
      if (account.disabled()) {
        LOG.info("refused a logon for disabled account {}", who(store.domain(), account.name()));
        throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "logon failure: the account is disabled");
      }
    }

    byte[] exportedKey;
    if ((flags & NtlmFlags.NEGOTIATE_KEY_EXCH) != 0
        && (flags & (NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL)) != 0) {
      if (a.encryptedRandomSessionKey().length != 16) {
        throw NtlmReader.invalid("key exchange was negotiated but EncryptedRandomSessionKey is not 16 bytes");
      }
      exportedKey = NtlmCrypto.rc4k(keyExchangeKey, a.encryptedRandomSessionKey());
    } else {
      exportedKey = keyExchangeKey;
    }

    if ((clientInfo.flags() & NtlmFlags.AV_FLAG_MIC_PRESENT) != 0) {
      if (a.mic() == null) {
        throw NtlmReader.invalid("MsvAvFlags announces a MIC but the message has no MIC field");
      }
      byte[] zeroed = authBytes.clone();
      Arrays.fill(zeroed, AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_OFFSET + 16, (byte) 0);
      byte[] mic = NtlmCrypto.hmacMd5(exportedKey, negotiateBytes, challengeBytes, zeroed);
      if (!MessageDigest.isEqual(mic, a.mic())) {
        LOG.info("refused a logon for {}: MIC mismatch", who(a.domain(), a.user()));
        throw new SecurityContextException(
            SecurityStatus.LOGON_DENIED, "logon failure: the NTLM message integrity code (MIC) does not match");
      }
      micVerified = true;
    }

    String target = clientInfo.findString(AvPairs.TARGET_NAME).orElse("");
    if ((clientInfo.flags() & NtlmFlags.AV_FLAG_UNTRUSTED_SPN) == 0
        && !target.isEmpty()
        && !config.acceptedTargetNames().isEmpty()
        && !config.acceptedTargetNames().contains(target.toLowerCase(Locale.ROOT))) {
      LOG.info("refused a logon for {}: target name {} is not this server's", who(a.domain(), a.user()), printable(target));
      throw new SecurityContextException(
          SecurityStatus.LOGON_DENIED, "logon failure: the client authenticated to '" + printable(target) + "', not to this server");
    }
    targetName = target;

    ImpersonationLevel impersonation;
    if (anonymous) {
      token = Token.anonymous();
      clientPrincipal = "NT AUTHORITY\\ANONYMOUS LOGON";
      impersonation = ImpersonationLevel.ANONYMOUS;
    } else {
      AccountStore store = config.accounts();
      List<TokenGroup> extra = new ArrayList<>();
      extra.add(new TokenGroup(Sid.NTLM_AUTHENTICATION, TokenGroup.DEFAULT, "NT AUTHORITY\\NTLM Authentication"));
      token = store.tokenFor(account, extra);
      clientPrincipal = store.domain() + "\\" + account.name();
      impersonation =
          (flags & NtlmFlags.NEGOTIATE_IDENTIFY) != 0 ? ImpersonationLevel.IDENTIFY : ImpersonationLevel.IMPERSONATE;
    }
    establish(flags, exportedKey, anonymous, impersonation);
    LOG.debug("NTLM logon of {}", clientPrincipal);
  }

  /** DOMAIN\\user for log lines (joined here: SLF4J would read "\\{}" as an escaped placeholder). */
  private static String who(String domain, String user) {
    return printable(domain + "\\" + user);
  }

  /** Text from the network made safe for logs and messages: no control characters, bounded length. */
  private static String printable(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
  }

  /** Checks the NTLMv2 proof; returns the KeyExchangeKey (= SessionBaseKey). */
  private byte[] verifyV2(AuthenticateMessage a, Optional<Account> account) throws SecurityContextException {
    byte[] nt = a.ntResponse();
    byte[] proof = NtlmV2Response.proof(nt);
    byte[] blob = NtlmV2Response.blob(nt);
    if (account.isEmpty()) {
      LOG.info("refused a logon for unknown user {}", who(a.domain(), a.user()));
      throw new SecurityContextException(SecurityStatus.LOGON_DENIED, LOGON_FAILURE);
    }
    byte[] ntHash = account.get().ntHash();
    // [MS-NLMP] 3.2.5.1.2: also accept clients that used NIL for the domain; Samba also tries upper case.
    List<String> domains = new ArrayList<>(List.of(a.domain(), "", a.domain().toUpperCase(Locale.ROOT)));
    for (String domain : domains) {
      byte[] key = NtlmCrypto.ntowfV2(ntHash, a.user(), domain);
      byte[] expected = NtlmCrypto.hmacMd5(key, serverChallenge, blob);
      if (MessageDigest.isEqual(expected, proof)) {
        checkTimestamp(NtlmV2Response.timestamp(nt), a);
        return NtlmCrypto.hmacMd5(key, proof);
      }
    }
    LOG.info("refused a logon for {}: wrong password", who(a.domain(), a.user()));
    throw new SecurityContextException(SecurityStatus.LOGON_DENIED, LOGON_FAILURE);
  }

  private void checkTimestamp(long fileTime, AuthenticateMessage a) throws SecurityContextException {
    Instant client;
    try {
      client = FileTime.toInstant(fileTime);
    } catch (RuntimeException e) {
      client = Instant.MIN;
    }
    Duration skew = Duration.between(client, config.clock().instant()).abs();
    if (skew.compareTo(config.maxClockSkew()) > 0) {
      LOG.info("refused a logon for {}: clock skew {}", who(a.domain(), a.user()), skew);
      throw new SecurityContextException(
          SecurityStatus.TIME_SKEW,
          "logon failure: the client's NTLM timestamp differs from the server clock by more than " + config.maxClockSkew());
    }
  }

  /** Checks an NTLMv1 response with extended session security ("NTLM2 session response"). */
  private byte[] verifyV1(AuthenticateMessage a, Optional<Account> account) throws SecurityContextException {
    if (account.isEmpty()) {
      throw new SecurityContextException(SecurityStatus.LOGON_DENIED, LOGON_FAILURE);
    }
    byte[] lm = a.lmResponse();
    if (lm.length != 24) {
      throw NtlmReader.invalid("an NTLMv1 response with extended session security needs a 24-byte LM field");
    }
    byte[] ntHash = account.get().ntHash();
    byte[] expected = NtlmV1Response.ntResponse(ntHash, serverChallenge, Arrays.copyOf(lm, 8));
    if (!MessageDigest.isEqual(expected, a.ntResponse())) {
      LOG.info("refused an NTLMv1 logon for {}: wrong password", who(a.domain(), a.user()));
      throw new SecurityContextException(SecurityStatus.LOGON_DENIED, LOGON_FAILURE);
    }
    return NtlmV1Response.keyExchangeKey(NtlmV1Response.sessionBaseKey(ntHash), serverChallenge, lm);
  }

  @Override
  public String peerPrincipal() {
    return clientPrincipal;
  }

  @Override
  public String serverPrincipal() {
    return targetName;
  }

  @Override
  public Token callerToken() throws SecurityContextException {
    requireEstablished();
    return token;
  }

  /** True when the client's AUTHENTICATE carried a MIC and it verified. */
  public boolean micVerified() {
    return micVerified;
  }
}
