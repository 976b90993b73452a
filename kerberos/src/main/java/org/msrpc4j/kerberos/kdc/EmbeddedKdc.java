package org.msrpc4j.kerberos.kdc;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.identity.backend.BackendConfig;
import org.apache.kerby.kerberos.kerb.request.KrbIdentity;
import org.apache.kerby.kerberos.kerb.server.KdcConfig;
import org.apache.kerby.kerberos.kerb.server.KdcConfigKey;
import org.apache.kerby.kerberos.kerb.server.KdcServer;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.client.Krb5Config;
import org.msrpc4j.kerberos.client.Principal;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosCipher;
import org.msrpc4j.kerberos.crypto.KerberosCryptoException;
import org.msrpc4j.kerberos.crypto.KerberosKey;
import org.msrpc4j.security.accounts.Account;
import org.msrpc4j.security.accounts.AccountStore;

/**
 * A real KDC in this JVM (Apache Kerby's KDC over TCP with an in-memory principal database), so
 * that Kerberos works on a fresh machine: MIT {@code kinit} and msrpc4j's own client get tickets
 * from it. Keys are made by msrpc4j (AES256, AES128 and RC4-HMAC), so a user's keys match what a
 * password gives with any Kerberos implementation. No global state (no system properties are set).
 *
 * <p>Thread-safe: principal changes are serialised.
 */
public final class EmbeddedKdc implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<EncryptionType> TYPES = List.of(
            EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96, EncryptionType.RC4_HMAC);

    private final KdcServer server;
    private final String realm;
    private final String host;
    private final int port;

    private EmbeddedKdc(KdcServer server, String realm, String host, int port) {
        this.server = server;
        this.realm = realm;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a KDC for {@code realm} on {@code host:port} (TCP only).
     *
     * @param realm the realm (upper-cased)
     * @param host the address to listen on, usually 127.0.0.1
     * @param port the TCP port, or 0 for a free one
     * @return the running KDC, with its krbtgt principal
     * @throws IOException when the KDC cannot start (port in use …)
     */
    public static EmbeddedKdc start(String realm, String host, int port) throws IOException {
        String r = realm.toUpperCase(java.util.Locale.ROOT);
        int p = port == 0 ? freePort() : port;
        try {
            KdcConfig config = new KdcConfig();
            config.setString(KdcConfigKey.KDC_REALM, r);
            config.setString(KdcConfigKey.KDC_HOST, host);
            config.setInt(KdcConfigKey.KDC_TCP_PORT, p);
            config.setBoolean(KdcConfigKey.KDC_ALLOW_TCP, true);
            config.setBoolean(KdcConfigKey.KDC_ALLOW_UDP, false);
            config.setString(KdcConfigKey.ENCRYPTION_TYPES, "aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96 arcfour-hmac");
            KdcServer server = new KdcServer(config, new BackendConfig());
            server.setKdcRealm(r);
            server.setKdcHost(host);
            server.setKdcTcpPort(p);
            server.setAllowUdp(false);
            server.setAllowTcp(true);
            server.init();
            EmbeddedKdc kdc = new EmbeddedKdc(server, r, host, p);
            kdc.addIdentity(Principal.krbtgt(r), randomKeys(), 1);
            server.start();
            return kdc;
        } catch (KrbException e) {
            throw new IOException("cannot start the embedded KDC on " + host + ":" + p + ": " + e.getMessage(), e);
        }
    }

    /** @return the realm */
    public String realm() {
        return realm;
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    /** @return a client configuration that points at this KDC */
    public Krb5Config clientConfig() {
        return Krb5Config.of(realm, host + ":" + port);
    }

    /**
     * Adds a user whose keys derive from a password (default salt).
     *
     * @param name the user name (without realm)
     * @param password the password
     * @throws IOException when the principal cannot be stored
     */
    public void addUser(String name, char[] password) throws IOException {
        Principal p = new Principal(List.of(name), realm, Principal.NT_PRINCIPAL);
        List<KerberosKey> keys = new ArrayList<>();
        try {
            for (EncryptionType t : TYPES) {
                keys.add(KerberosCipher.of(t).stringToKey(password, p.defaultSalt(), null));
            }
        } catch (KerberosCryptoException e) {
            throw new IOException("cannot derive keys for " + p, e);
        }
        addIdentity(p, keys, 1);
    }

    /**
     * Adds a user known only by its NT hash: it gets an RC4-HMAC key only.
     *
     * @param name the user name
     * @param ntHash the NT hash (16 bytes)
     * @throws IOException when the principal cannot be stored
     */
    public void addUserWithNtHash(String name, byte[] ntHash) throws IOException {
        addIdentity(new Principal(List.of(name), realm, Principal.NT_PRINCIPAL),
                List.of(new KerberosKey(EncryptionType.RC4_HMAC, ntHash)), 1);
    }

    /**
     * Adds a service principal with random keys.
     *
     * @param spn the service principal name, e.g. {@code host/rpc1.example.test} (realm optional)
     * @return a keytab with its keys (kvno 1)
     * @throws IOException when the principal cannot be stored
     */
    public Keytab addService(String spn) throws IOException {
        Principal p = Principal.service(spn, realm);
        List<KerberosKey> keys = randomKeys();
        addIdentity(p, keys, 1);
        List<Keytab.Entry> entries = new ArrayList<>();
        for (KerberosKey k : keys) {
            entries.add(new Keytab.Entry(p, 1, k, Instant.now()));
        }
        return new Keytab(entries);
    }

    /**
     * Adds every enabled user of an account store: password users get AES and RC4 keys, NT-hash
     * users an RC4 key only.
     *
     * @param store the accounts
     * @return how many principals were added
     * @throws IOException when a principal cannot be stored
     */
    public int addAccounts(AccountStore store) throws IOException {
        int n = 0;
        for (Account a : store.users()) {
            if (a.disabled()) {
                continue;
            }
            java.util.Optional<char[]> pw = a.password();
            if (pw.isPresent()) {
                addUser(a.name(), pw.get());
            } else {
                addUserWithNtHash(a.name(), a.ntHash());
            }
            n++;
        }
        return n;
    }

    private synchronized void addIdentity(Principal p, List<KerberosKey> keys, int kvno) throws IOException {
        KrbIdentity id = new KrbIdentity(p.toString());
        id.setKeyVersion(kvno);
        id.setCreatedTime(KerberosTime.now());
        id.setExpireTime(KerberosTime.NEVER);
        for (KerberosKey k : keys) {
            id.addKey(new EncryptionKey(k.type().id(), k.bytes(), kvno));
        }
        try {
            if (server.getIdentityService().getIdentity(p.toString()) != null) {
                server.getIdentityService().deleteIdentity(p.toString());
            }
            server.getIdentityService().addIdentity(id);
        } catch (KrbException e) {
            throw new IOException("cannot store the principal " + p + ": " + e.getMessage(), e);
        }
    }

    private static List<KerberosKey> randomKeys() {
        List<KerberosKey> keys = new ArrayList<>();
        for (EncryptionType t : TYPES) {
            byte[] b = new byte[t.keyLength()];
            RANDOM.nextBytes(b);
            keys.add(new KerberosKey(t, b));
        }
        return keys;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the KDC. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (KrbException e) {
            // Stopping is best effort: the sockets are closed by the JVM at exit anyway.
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKdc[" + realm + " @ " + host + ":" + port + "]";
    }

}
