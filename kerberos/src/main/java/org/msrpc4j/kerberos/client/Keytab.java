package org.msrpc4j.kerberos.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.msrpc4j.kerberos.crypto.EncryptionType;
import org.msrpc4j.kerberos.crypto.KerberosKey;

/**
 * An MIT keytab file (version 0x502, as ktutil, kadmin and {@code samba-tool domain exportkeytab}
 * write it): principals with key versions and keys. Entries with unsupported enctypes are kept out.
 * Immutable; thread-safe; never prints keys.
 *
 * @param entries the entries
 */
public record Keytab(List<Entry> entries) {
    private static final int MAX_FILE = 16 << 20;
    private static final int MAX_COMPONENTS = 64;

    /**
     * One keytab entry.
     *
     * @param principal the principal
     * @param kvno the key version number
     * @param key the key
     * @param timestamp when the key was written
     */
    public record Entry(Principal principal, int kvno, KerberosKey key, Instant timestamp) {
    }

    /** Copies the list. */
    public Keytab {
        entries = List.copyOf(entries);
    }

    /**
     * The keys of a principal (optionally of one kvno), newest version first.
     *
     * @param principal the principal (realm compared case-insensitively)
     * @param kvno the key version, or empty for any
     * @return the matching entries
     */
    public List<Entry> keys(Principal principal, Optional<Integer> kvno) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.principal().sameAs(principal) && (kvno.isEmpty() || kvno.get() == e.kvno())) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingInt(Entry::kvno).reversed());
        return out;
    }

    /**
     * @param entry an entry to add
     * @return a new keytab with it
     */
    public Keytab with(Entry entry) {
        List<Entry> list = new ArrayList<>(entries);
        list.add(entry);
        return new Keytab(list);
    }

    /**
     * Reads a keytab file.
     *
     * @param file the file
     * @return the keytab
     * @throws IOException when the file cannot be read
     * @throws KerberosException when it is not a version 0x502 keytab
     */
    public static Keytab read(Path file) throws IOException, KerberosException {
        if (Files.size(file) > MAX_FILE) {
            throw new KerberosException("keytab " + file + " is larger than 16 MiB");
        }
        return parse(Files.readAllBytes(file));
    }

    /**
     * @param bytes untrusted keytab bytes
     * @return the keytab
     * @throws KerberosException when malformed
     */
    public static Keytab parse(byte[] bytes) throws KerberosException {
        BinaryReader r = new BinaryReader(bytes);
        int version = r.u16();
        if (version != 0x0502) {
            throw new KerberosException("unsupported keytab version 0x" + Integer.toHexString(version) + " (need 0x502)");
        }
        List<Entry> list = new ArrayList<>();
        while (r.remaining() >= 4) {
            int size = r.i32();
            if (size < 0) {
                // A hole left by a deleted entry.
                r.skip(-size);
                continue;
            }
            if (size == 0) {
                break;
            }
            int start = r.position();
            BinaryReader e = new BinaryReader(r.bytes(size));
            int count = e.u16();
            if (count > MAX_COMPONENTS) {
                throw new KerberosException("malformed keytab entry at offset " + start);
            }
            String realm = e.string16();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                parts.add(e.string16());
            }
            int nameType = e.i32();
            long ts = e.u32();
            int kvno = e.u8();
            int keyType = e.u16();
            byte[] key = e.data16();
            if (e.remaining() >= 4) {
                int kvno32 = e.i32();
                if (kvno32 != 0) {
                    kvno = kvno32;
                }
            }
            Optional<EncryptionType> t = EncryptionType.byId(keyType);
            if (t.isPresent() && key.length == t.get().keyLength() && !parts.isEmpty()) {
                list.add(new Entry(new Principal(parts, realm, nameType), kvno, new KerberosKey(t.get(), key),
                        Instant.ofEpochSecond(ts)));
            }
        }
        return new Keytab(list);
    }

    /**
     * Writes the keytab with mode 0600, atomically.
     *
     * @param file the file
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        PrivateFileWriter.write(file, toBytes(), ".keytab");
    }

    /** @return the version 0x502 encoding */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x05);
        out.write(0x02);
        for (Entry e : entries) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            u16(b, e.principal().components().size());
            str(b, e.principal().realm());
            e.principal().components().forEach(c -> str(b, c));
            u32(b, e.principal().nameType());
            u32(b, (int) e.timestamp().getEpochSecond());
            b.write(e.kvno() & 0xff);
            u16(b, e.key().type().id());
            byte[] k = e.key().bytes();
            u16(b, k.length);
            b.write(k, 0, k.length);
            u32(b, e.kvno());
            u32(out, b.size());
            out.write(b.toByteArray(), 0, b.size());
        }
        return out.toByteArray();
    }

    private static void str(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u16(out, b.length);
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

    @Override
    public String toString() {
        return "Keytab[" + entries.size() + " entries]";
    }
}
