package org.msrpc4j.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.msrpc4j.authz.Sddl;
import org.msrpc4j.authz.SecurityDescriptor;
import org.msrpc4j.authz.SecurityInformation;
import org.msrpc4j.runtime.RpcException;
import org.msrpc4j.runtime.RpcStatus;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.Spn;
import org.msrpc4j.security.SpnException;
import org.msrpc4j.store.StoreCallEvent;
import org.msrpc4j.store.StoreClient;
import org.msrpc4j.store.StoreException;
import org.msrpc4j.store.StoreStatusNames;

/**
 * The demo's story, told against a running {@link DemoCommandRealm}: every step of the seed with
 * real clients over loopback. Returns whether every step turned out as the story says. Not
 * thread-safe (one run).
 */
final class DemoCommandScenario {
  private final DemoCommandRealm realm;
  private final DemoCommandTranscript t;
  private boolean allAsExpected = true;

  DemoCommandScenario(DemoCommandRealm realm, DemoCommandTranscript transcript) {
    this.realm = realm;
    this.t = transcript;
  }

  /** Runs the story; true when every step went as told. */
  boolean run() throws RpcException, StoreException {
    RpcBinding binding = RpcBinding.tcp("127.0.0.1", realm.port());
    try (RpcClient client = RpcClient.create(ClientSettings.defaults(), null, realm.clientSecurity())) {
      spn();
      // alice: Kerberos at packet privacy; fall back to NTLM (and say so) if Kerberos fails here.
      RpcChannel aliceChannel = client.channel(binding);
      String aliceHow = authenticateAlice(aliceChannel);
      RpcChannel bobChannel = client.channel(binding);
      bobChannel.setAuthInfo(realm.spn, AuthnLevel.PKT_INTEGRITY, AuthnService.WINNT,
          ClientIdentity.password(DemoCommandRealm.DOMAIN, "bob", realm.bobPassword.toCharArray()), AuthzService.NONE);
      try (StoreClient alice = StoreClient.open(aliceChannel);
           StoreClient bob = StoreClient.open(bobChannel)) {
        whoAmI(aliceChannel, "alice (" + aliceHow + ")");
        String aliceSid = realm.sidOf("alice");
        String bobSid = realm.sidOf("bob");
        String engineers = realm.groupSid(1201);
        createFolder(alice, aliceSid, engineers);
        bobDenied(bob);
        grantAndRead(alice, bob, bobSid);
      }
      anonymous(client.channel(binding));
      pinnedHandle(client.channel(binding));
      aliceChannel.close();
      bobChannel.close();
    }
    levels();
    return allAsExpected;
  }

  private void spn() {
    t.step("The server's SPN, made like DsMakeSpn");
    t.say("Spn.make(\"host\", \"localhost\")                      -> " + realm.spn);
    t.say("Spn.make(\"ldap\", \"demo.test\", \"dc1.demo.test\", 389, null) -> "
        + Spn.make("ldap", "demo.test", "dc1.demo.test", 389, null));
    try {
      Spn.make("", "localhost");
      mismatch("an empty service class was accepted");
    } catch (SpnException e) {
      t.ok("an empty service class is refused with " + e.status() + " (ERROR_INVALID_PARAMETER), as DsMakeSpn does");
    }
    t.note("the embedded KDC (realm " + DemoCommandRealm.REALM + ") holds a key for " + realm.spn
        + "; the server accepts NTLM, Kerberos and Negotiate");
  }

  private String authenticateAlice(RpcChannel ch) throws RpcException {
    t.step("alice authenticates with Kerberos at RPC_C_AUTHN_LEVEL_PKT_PRIVACY");
    ch.setAuthInfo(realm.spn, AuthnLevel.PKT_PRIVACY, AuthnService.GSS_KERBEROS,
        ClientIdentity.password(DemoCommandRealm.REALM, "alice", realm.alicePassword.toCharArray()), AuthzService.NONE);
    try {
      StoreClient.Identity id = StoreClient.whoAmI(ch);
      t.ok("AS and TGS exchanges with the embedded KDC, AP-REQ in bind: the server sees " + id.principal()
          + " at level " + id.authLevel() + " (service " + id.authService() + ")");
      return "Kerberos, PKT_PRIVACY";
    } catch (RpcException e) {
      t.denied("Kerberos did not work here: " + e.getMessage());
      t.note("continuing with NTLM at PKT_PRIVACY so that the rest of the story can be told");
      mismatch("Kerberos failed");
      ch.setAuthInfo(realm.spn, AuthnLevel.PKT_PRIVACY, AuthnService.WINNT,
          ClientIdentity.password(DemoCommandRealm.DOMAIN, "alice", realm.alicePassword.toCharArray()), AuthzService.NONE);
      return "NTLM, PKT_PRIVACY";
    }
  }

  private void whoAmI(RpcChannel ch, String who) throws RpcException {
    StoreClient.Identity id = StoreClient.whoAmI(ch);
    t.say("WhoAmI as " + who + ": principal " + id.principal() + ", level " + id.authLevel()
        + ", impersonation status " + id.impersonationStatus());
    t.say("authorization context: user " + id.userSid() + ", " + id.groupSids().size() + " groups");
    boolean engineers = id.groupSids().contains(realm.groupSid(1201));
    if (engineers) {
      t.ok("the token carries alice's group engineers (" + realm.groupSid(1201) + ")");
    } else {
      mismatch("alice's token lacks the engineers group");
    }
  }

  private void createFolder(StoreClient alice, String aliceSid, String engineers) throws RpcException {
    t.step("alice creates /projects with an inheritable ACL, then a file in it");
    String sddl = "D:P(A;OICI;GA;;;" + aliceSid + ")(A;OICI;GR;;;" + engineers + ")";
    t.say("CreateObject(\"/\", \"projects\", container, \"" + sddl + "\")");
    try {
      alice.create("/", "projects", true, sddl, null);
      alice.create("/projects", "plan.txt", false, null, "launch on Friday".getBytes(StandardCharsets.UTF_8));
      SecurityDescriptor sd = alice.getSecurity("/projects/plan.txt", SecurityInformation.OWNER | SecurityInformation.DACL);
      t.ok("/projects/plan.txt got its descriptor from private object security (ID = inherited):");
      t.say("  " + Sddl.format(sd));
    } catch (StoreException e) {
      mismatch("alice could not create: " + e.getMessage());
    }
  }

  private void bobDenied(StoreClient bob) throws RpcException {
    t.step("bob (NTLM, RPC_C_AUTHN_LEVEL_PKT_INTEGRITY) tries to read /projects/plan.txt");
    try {
      bob.read("/projects/plan.txt");
      mismatch("bob could read the file");
    } catch (StoreException e) {
      if (e.status() == StoreException.ACCESS_DENIED) {
        t.denied("ReadObject returned " + StoreStatusNames.describe(e.status())
            + ": the server impersonated bob and AccessCheck found no ACE for him");
        serverSaw("ReadObject");
      } else {
        mismatch("unexpected status " + e.getMessage());
      }
    }
  }

  private void grantAndRead(StoreClient alice, StoreClient bob, String bobSid) throws RpcException {
    t.step("alice grants bob read access; bob reads");
    try {
      String dacl = Sddl.format(alice.getSecurity("/projects/plan.txt", SecurityInformation.DACL));
      String granted = dacl + "(A;;GR;;;" + bobSid + ")";
      alice.setSecurity("/projects/plan.txt", SecurityInformation.DACL, Sddl.parse(granted));
      t.say("SetObjectSecurity(DACL_SECURITY_INFORMATION, \"" + granted + "\")");
      String text = new String(bob.read("/projects/plan.txt"), StandardCharsets.UTF_8);
      t.ok("bob reads \"" + text + "\"");
    } catch (StoreException e) {
      mismatch("the grant did not work: " + e.getMessage());
    } catch (org.msrpc4j.authz.SecurityFormatException e) {
      mismatch("the demo's SDDL did not parse: " + e.getMessage());
    }
  }

  private void anonymous(RpcChannel anon) throws RpcException {
    t.step("an anonymous (unauthenticated) caller asks WhoAmI");
    StoreClient.Identity id = StoreClient.whoAmI(anon);
    if (id.impersonationStatus() == 1765) {
      t.denied("RpcImpersonateClient failed with " + id.impersonationStatus() + " ("
          + RpcStatus.nameOf(id.impersonationStatus()) + "); level " + id.authLevel() + ", no authorization context");
    } else {
      mismatch("impersonating an anonymous caller gave " + id.impersonationStatus());
    }
    try {
      StoreClient.open(anon);
      mismatch("an anonymous caller opened the store");
    } catch (StoreException e) {
      t.denied("OpenStore returned " + StoreStatusNames.describe(e.status()));
    }
    anon.close();
  }

  private void pinnedHandle(RpcChannel ch) throws RpcException {
    t.step("a context handle opened at integrity keeps integrity after its binding moves to privacy");
    ch.setAuthInfo(realm.spn, AuthnLevel.PKT_INTEGRITY, AuthnService.WINNT,
        ClientIdentity.password(DemoCommandRealm.DOMAIN, "bob", realm.bobPassword.toCharArray()), AuthzService.NONE);
    try (StoreClient bob = StoreClient.open(ch)) {
      t.say("bob: OpenStore on a binding at PKT_INTEGRITY");
      ch.setAuthInfo(realm.spn, AuthnLevel.PKT_PRIVACY, AuthnService.WINNT,
          ClientIdentity.password(DemoCommandRealm.DOMAIN, "bob", realm.bobPassword.toCharArray()), AuthzService.NONE);
      t.say("bob: RpcBindingSetAuthInfo(PKT_PRIVACY) on the same binding");
      bob.read("/projects/plan.txt");
      StoreCallEvent read = last("ReadObject");
      int bindingLevel = StoreClient.whoAmI(ch).authLevel();
      if (read != null && read.authLevel() == 5 && bindingLevel == 6) {
        t.ok("ReadObject on the handle arrived at level " + read.authLevel() + " (integrity); a new call on the binding, WhoAmI, at level "
            + bindingLevel + " (privacy)");
      } else {
        mismatch("the handle's call arrived at level " + (read == null ? "?" : read.authLevel()) + ", the binding's at " + bindingLevel);
      }
    } catch (StoreException e) {
      mismatch("bob's pinned handle failed: " + e.getMessage());
    }
    ch.close();
  }

  private void levels() {
    t.step("every store call, as the server saw it");
    for (StoreCallEvent e : realm.calls) {
      t.server(String.format("%-18s %-20s %-16s level %d %-12s -> %s", e.operation(), e.path().isEmpty() ? "-" : e.path(),
          e.principal(), e.authLevel(), levelName(e.authLevel()), StoreStatusNames.describe(e.status())));
    }
  }

  private void serverSaw(String operation) {
    StoreCallEvent e = last(operation);
    if (e != null) {
      t.server(e.operation() + " " + e.path() + " by " + e.principal() + " at level " + e.authLevel() + " ("
          + levelName(e.authLevel()) + ") -> " + StoreStatusNames.describe(e.status()));
    }
  }

  private StoreCallEvent last(String operation) {
    List<StoreCallEvent> calls = realm.calls;
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).operation().equals(operation)) {
        return calls.get(i);
      }
    }
    return null;
  }

  static String levelName(int level) {
    return switch (level) {
      case 1 -> "NONE";
      case 2 -> "CONNECT";
      case 3 -> "CALL";
      case 4 -> "PKT";
      case 5 -> "PKT_INTEGRITY";
      case 6 -> "PKT_PRIVACY";
      default -> "?";
    };
  }

  private void mismatch(String what) {
    allAsExpected = false;
    t.denied("UNEXPECTED: " + what);
  }
}
