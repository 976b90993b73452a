package org.msrpc4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.msrpc4j.kerberos.client.Keytab;
import org.msrpc4j.kerberos.kdc.EmbeddedKdc;
import org.msrpc4j.security.accounts.AccountStore;
import org.msrpc4j.security.accounts.AccountsFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code msrpc kdc}: a real Kerberos KDC (MIT kinit works against it) whose users come from an
 * accounts file, with service principals whose keys go to a keytab, and a krb5.conf for clients.
 * Runs until Ctrl-C.
 */
@Command(name = "kdc", mixinStandardHelpOptions = true,
    description = {"Run an embedded Kerberos KDC (TCP) for the users of an accounts file.",
        "Writes a keytab with the service principals' keys and a krb5.conf for clients; Ctrl-C stops it."})
public final class KdcCommand implements Callable<Integer> {
    @Option(names = "--realm", paramLabel = "REALM", description = "Realm (default: the accounts file's realm).")
    String realm;

    @Option(names = "--accounts", paramLabel = "FILE", required = true, description = "YAML accounts file.")
    Path accounts;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "88",
        description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--spn", paramLabel = "SPN", description = "Service principal to create (repeatable; default host/localhost).")
    List<String> spns = new ArrayList<>();

    @Option(names = "--keytab-out", paramLabel = "FILE", description = "Write the service principals' keys here.")
    Path keytabOut;

    @Option(names = "--krb5conf-out", paramLabel = "FILE", description = "Write a krb5.conf for clients here.")
    Path krb5confOut;

    @Override
    public Integer call() throws Exception {
        AccountStore store;
        try {
            store = AccountStore.load(accounts);
        } catch (AccountsFileException e) {
            System.err.println("msrpc kdc: " + e.getMessage());
            return 2;
        }
        String r = realm != null ? realm : store.realm();
        if (r == null || r.isBlank()) {
            System.err.println("msrpc kdc: give --realm (the accounts file has no realm)");
            return 2;
        }
        EmbeddedKdc kdc;
        try {
            kdc = EmbeddedKdc.start(r, host, port);
        } catch (java.io.IOException e) {
            System.err.println("msrpc kdc: " + e.getMessage()
                + (port < 1024 ? " (ports below 1024 need privileges; try --port 8888)" : ""));
            return 1;
        }
        int users = kdc.addAccounts(store);
        Keytab keytab = new Keytab(List.of());
        for (String spn : spns.isEmpty() ? List.of("host/localhost") : spns) {
            for (Keytab.Entry e : kdc.addService(spn).entries()) {
                keytab = keytab.with(e);
            }
        }
        if (keytabOut != null) {
            keytab.write(keytabOut);
        }
        if (krb5confOut != null) {
            Files.writeString(krb5confOut, kdc.clientConfig().toKrb5ConfText());
        }
        System.out.println("KDC for " + kdc.realm() + " on " + host + ":" + kdc.port() + " with " + users + " users and "
            + keytab.entries().size() / 3 + " service principals"
            + (keytabOut != null ? "; keytab " + keytabOut : "") + (krb5confOut != null ? "; krb5.conf " + krb5confOut : ""));
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kdc.close();
            stop.countDown();
        }, "kdc-shutdown"));
        stop.await();
        return 0;
    }
}
