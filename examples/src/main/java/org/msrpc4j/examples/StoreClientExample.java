package org.msrpc4j.examples;

import java.nio.charset.StandardCharsets;
import org.msrpc4j.runtime.auth.ClientSecurity;
import org.msrpc4j.runtime.client.ClientSettings;
import org.msrpc4j.runtime.client.RpcBinding;
import org.msrpc4j.runtime.client.RpcChannel;
import org.msrpc4j.runtime.client.RpcClient;
import org.msrpc4j.security.AuthnLevel;
import org.msrpc4j.security.AuthnService;
import org.msrpc4j.security.AuthzService;
import org.msrpc4j.security.ClientIdentity;
import org.msrpc4j.security.Spn;
import org.msrpc4j.store.StoreClient;

/** An authenticated store client: NTLM at packet privacy, writes a note and reads it back. */
public final class StoreClientExample {
  /** Stores {@code text} as /notes-USER and returns what the server gives back. */
  public static String run(String binding, String domain, String user, char[] password, String text)
      throws Exception {
    RpcBinding b = RpcBinding.parse(binding);                       // ncacn_ip_tcp:host[port]
    try (RpcClient client = RpcClient.create(ClientSettings.defaults(), null, ClientSecurity.defaults());
         RpcChannel channel = client.channel(b)) {
      channel.setAuthInfo(Spn.make("host", b.host()), AuthnLevel.PKT_PRIVACY, AuthnService.WINNT,
          ClientIdentity.password(domain, user, password), AuthzService.NONE);
      System.out.println("server sees: " + StoreClient.whoAmI(channel).principal());
      try (StoreClient store = StoreClient.open(channel)) {           // context handle
        store.create("/", "notes-" + user, false, null, text.getBytes(StandardCharsets.UTF_8));
        return new String(store.read("/notes-" + user), StandardCharsets.UTF_8);
      }
    }
  }

  /** {@code StoreClientExample BINDING DOMAIN USER PASSWORD TEXT}. */
  public static void main(String[] args) throws Exception {
    System.out.println(run(args[0], args[1], args[2], args[3].toCharArray(), args[4]));
  }

  private StoreClientExample() {}
}
