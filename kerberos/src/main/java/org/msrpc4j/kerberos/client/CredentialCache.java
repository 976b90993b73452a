package org.msrpc4j.kerberos.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * An MIT credential cache file (FILE: type, format version 4, as {@code kinit} writes and
 * {@code klist} reads): a default principal and a list of tickets. Configuration entries
 * (X-CACHECONF) and tickets with unsupported enctypes are skipped when reading. Immutable;
 * thread-safe.
 *
 * @param defaultPrincipal the cache's principal
 * @param tickets the credentials
 */
public record CredentialCache(Principal defaultPrincipal, List<KerberosTicket> tickets) {
    private static final int MAX_FILE = 16 << 20;
    private static final int MAX_COMPONENTS = 64;

    /** Copies the list. */
    public CredentialCache {
        tickets = List.copyOf(tickets);
    }

    /**
     * The cache named by KRB5CCNAME ({@code FILE:path} or a path), else {@code /tmp/krb5cc_UID}.
     *
     * @return the path of the default cache
     */
    public static Path defaultPath() {
        String env = System.getenv("KRB5CCNAME");
        if (env != null && !env.isBlank()) {
            return Path.of(env.startsWith("FILE:") ? env.substring(5) : env);
        }
        String uid = "0";
        try {
            // The JDK's own view of the process's uid (module jdk.security.auth), as MIT uses it.
            uid = String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid());
        } catch (LinkageError | RuntimeException e) {
            // Not a Unix JVM: no default cache name; the caller will find no file.
            uid = "unknown";
        }
        return Path.of("/tmp/krb5cc_" + uid);
    }

    /**
     * @param server a service principal
     * @param now the current time
     * @return a valid ticket for it, if cached
     */
    public Optional<KerberosTicket> find(Principal server, Instant now) {
        return tickets.stream().filter(t -> t.server().sameAs(server) && t.isValidAt(now)).findFirst();
    }

    /**
     * @param realm a realm
     * @param now the current time
     * @return a valid TGT for the realm, if cached
     */
    public Optional<KerberosTicket> tgt(String realm, Instant now) {
        return find(Principal.krbtgt(realm.toUpperCase(java.util.Locale.ROOT)), now);
    }

    /**
     * @param ticket a ticket to add (replacing one for the same server)
     * @return a new cache with it
     */
    public CredentialCache with(KerberosTicket ticket) {
        List<KerberosTicket> list = new ArrayList<>();
        for (KerberosTicket t : tickets) {
            if (!t.server().sameAs(ticket.server())) {
                list.add(t);
            }
        }
        list.add(ticket);
        return new CredentialCache(defaultPrincipal, list);
    }

    /**
     * Reads a cache file.
     *
     * @param file the file
     * @return the cache
     * @throws IOException when the file cannot be read
     * @throws KerberosException when it is not a valid version 3/4 cache
     */
    public static CredentialCache read(Path file) throws IOException, KerberosException {
        if (Files.size(file) > MAX_FILE) {
            throw new KerberosException("credential cache " + file + " is larger than 16 MiB");
        }
        return parse(Files.readAllBytes(file));
    }

    /**
     * Parses cache bytes.
     *
     * @param bytes untrusted cache bytes
     * @return the cache
     * @throws KerberosException when malformed
     */
    public static CredentialCache parse(byte[] bytes) throws KerberosException {
        BinaryReader r = new BinaryReader(bytes);
        int version = r.u16();
        if (version != 0x0504 && version != 0x0503) {
            throw new KerberosException("unsupported credential cache version 0x" + Integer.toHexString(version)
                    + " (only MIT file caches version 3 and 4 are supported)");
        }
        if (version == 0x0504) {
            r.skip(r.u16());
        }
        Principal def = readPrincipal(r);
        List<KerberosTicket> list = new ArrayList<>();
        while (!r.atEnd()) {
            Principal client = readPrincipal(r);
            Principal server = readPrincipal(r);
            int keyType = r.u16();
            byte[] key = r.data32();
            Instant auth = Instant.ofEpochSecond(r.u32());
            Instant start = Instant.ofEpochSecond(r.u32());
            Instant end = Instant.ofEpochSecond(r.u32());
            long renew = r.u32();
            r.u8();
            int flags = r.i32();
            skipTagged(r);
            skipTagged(r);
            byte[] ticket = r.data32();
            r.data32();
            if (server.realm().equals("X-CACHECONF:")) {
                continue;
            }
            Optional<EncryptionType> t = EncryptionType.byId(keyType);
            if (t.isEmpty() || key.length != t.get().keyLength() || ticket.length == 0) {
                continue;
            }
            list.add(new KerberosTicket(client, server, ticket, new KerberosKey(t.get(), key), flags, auth, start, end,
                    renew == 0 ? null : Instant.ofEpochSecond(renew)));
        }
        return new CredentialCache(def, list);
    }

    private static void skipTagged(BinaryReader r) throws KerberosException {
        long n = r.u32();
        if (n > r.remaining()) {
            throw new KerberosException("malformed credential cache (count " + n + ")");
        }
        for (long i = 0; i < n; i++) {
            r.u16();
            r.data32();
        }
    }

    private static Principal readPrincipal(BinaryReader r) throws KerberosException {
        int type = r.i32();
        long count = r.u32();
        if (count > MAX_COMPONENTS) {
            throw new KerberosException("malformed credential cache (" + count + " name components)");
        }
        String realm = r.string32();
        List<String> parts = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            parts.add(r.string32());
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return new Principal(parts, realm, type);
    }

    /**
     * Writes the cache (version 4) atomically with mode 0600.
     *
     * @param file the file
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        PrivateFileWriter.write(file, toBytes(), ".krb5cc");
    }

    /** @return the version 4 encoding */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, 0x0504);
        // One header tag: KDC time offset (tag 1, 8 bytes), zero as kinit writes it.
        u16(out, 12);
        u16(out, 1);
        u16(out, 8);
        u32(out, 0);
        u32(out, 0);
        writePrincipal(out, defaultPrincipal);
        for (KerberosTicket t : tickets) {
            writePrincipal(out, t.client());
            writePrincipal(out, t.server());
            u16(out, t.sessionKey().type().id());
            data(out, t.sessionKey().bytes());
            u32(out, (int) t.authTime().getEpochSecond());
            u32(out, (int) t.startTime().getEpochSecond());
            u32(out, (int) t.endTime().getEpochSecond());
            u32(out, t.renewTill() == null ? 0 : (int) t.renewTill().getEpochSecond());
            out.write(0);
            u32(out, t.flags());
            u32(out, 0);
            u32(out, 0);
            data(out, t.ticket());
            data(out, new byte[0]);
        }
        return out.toByteArray();
    }

    private static void writePrincipal(ByteArrayOutputStream out, Principal p) {
        u32(out, p.nameType());
        u32(out, p.components().size());
        data(out, p.realm().getBytes(StandardCharsets.UTF_8));
        for (String c : p.components()) {
            data(out, c.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void data(ByteArrayOutputStream out, byte[] b) {
        u32(out, b.length);
        out.write(b, 0, b.length);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
