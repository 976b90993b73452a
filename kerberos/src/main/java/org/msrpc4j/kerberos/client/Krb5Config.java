package org.msrpc4j.kerberos.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.msrpc4j.kerberos.crypto.EncryptionType;

/**
 * The parts of an MIT krb5.conf msrpc4j uses: {@code [libdefaults]} default_realm,
 * default_tkt_enctypes / default_tgs_enctypes / permitted_enctypes, forwardable, clockskew,
 * kdc_timeout (Heimdal's name: how long one KDC may take to connect and answer, in seconds or with
 * an s/m suffix; 10 s by default), and the {@code kdc} entries of each realm in {@code [realms]}. DNS lookups are never made (dns_lookup_*
 * are treated as false whatever the file says). Immutable; thread-safe.
 */
public final class Krb5Config {
    private static final int MAX_FILE = 1 << 20;
    private static final List<EncryptionType> DEFAULT_ETYPES = List.of(
            EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96, EncryptionType.RC4_HMAC);

    private final Optional<String> defaultRealm;
    private final Map<String, List<String>> kdcs;
    private final List<EncryptionType> enctypes;
    private final boolean forwardable;
    private final int clockSkewSeconds;
    private final Duration kdcTimeout;
    /** Without kdc_timeout: long enough for a loaded KDC, short enough that a dead one is reported soon. */
    static final Duration DEFAULT_KDC_TIMEOUT = Duration.ofSeconds(10);

    private Krb5Config(Optional<String> defaultRealm, Map<String, List<String>> kdcs, List<EncryptionType> enctypes,
            boolean forwardable, int clockSkewSeconds, Duration kdcTimeout) {
        this.defaultRealm = defaultRealm;
        this.kdcs = Map.copyOf(kdcs);
        this.enctypes = List.copyOf(enctypes);
        this.forwardable = forwardable;
        this.clockSkewSeconds = clockSkewSeconds;
        this.kdcTimeout = kdcTimeout;
    }

    /**
     * A configuration built in code (used by the embedded KDC and tests).
     *
     * @param realm the default realm
     * @param kdc the realm's KDC as {@code host:port}
     * @return the configuration
     */
    public static Krb5Config of(String realm, String kdc) {
        return new Krb5Config(Optional.of(realm), Map.of(realm.toUpperCase(Locale.ROOT), List.of(kdc)), DEFAULT_ETYPES,
                true, 300, DEFAULT_KDC_TIMEOUT);
    }

    /**
     * Reads a krb5.conf file.
     *
     * @param file the file
     * @return the configuration
     * @throws IOException when the file cannot be read or is larger than 1 MiB
     */
    public static Krb5Config read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE) {
            throw new IOException("krb5.conf " + file + " is larger than 1 MiB");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * The configuration named by KRB5_CONFIG, else /etc/krb5.conf, if one exists.
     *
     * @return the configuration, or empty when there is no file
     * @throws IOException when the file exists but cannot be read
     */
    public static Optional<Krb5Config> fromEnvironment() throws IOException {
        String env = System.getenv("KRB5_CONFIG");
        Path p = Path.of(env != null && !env.isBlank() ? env.split(":")[0] : "/etc/krb5.conf");
        return Files.isReadable(p) ? Optional.of(read(p)) : Optional.empty();
    }

    /**
     * Parses krb5.conf text. Unknown sections and relations are ignored.
     *
     * @param text the file's text
     * @return the configuration
     */
    public static Krb5Config parse(String text) {
        String section = "";
        String realm = null;
        Map<String, String> libdefaults = new LinkedHashMap<>();
        Map<String, List<String>> kdcs = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                realm = null;
                continue;
            }
            if (line.equals("}")) {
                realm = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (section.equals("libdefaults")) {
                libdefaults.put(key.toLowerCase(Locale.ROOT), value);
            } else if (section.equals("realms")) {
                if (value.equals("{")) {
                    realm = key.toUpperCase(Locale.ROOT);
                } else if (realm != null && key.equalsIgnoreCase("kdc")) {
                    kdcs.computeIfAbsent(realm, r -> new ArrayList<>()).add(value);
                }
            }
        }
        List<EncryptionType> etypes = new ArrayList<>();
        String list = libdefaults.getOrDefault("default_tkt_enctypes",
                libdefaults.getOrDefault("permitted_enctypes", libdefaults.get("default_tgs_enctypes")));
        if (list != null) {
            for (String n : list.split("[\\s,]+")) {
                EncryptionType.byName(n).filter(t -> !etypes.contains(t)).ifPresent(etypes::add);
            }
        }
        int skew = 300;
        try {
            skew = Integer.parseInt(libdefaults.getOrDefault("clockskew", "300").replaceAll("s$", ""));
        } catch (NumberFormatException e) {
            // Keep the default: a malformed clockskew should not stop authentication.
        }
        String fw = libdefaults.getOrDefault("forwardable", "true").toLowerCase(Locale.ROOT);
        return new Krb5Config(Optional.ofNullable(libdefaults.get("default_realm")), kdcs,
                etypes.isEmpty() ? DEFAULT_ETYPES : etypes, fw.equals("true") || fw.equals("yes") || fw.equals("1"),
                skew, kdcTimeout(libdefaults.get("kdc_timeout")));
    }

    /** {@code 5}, {@code 5s} or {@code 1m}; a malformed or non-positive value keeps the default. */
    private static Duration kdcTimeout(String value) {
        if (value == null) {
            return DEFAULT_KDC_TIMEOUT;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d = v.endsWith("m") ? Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)))
                    : Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
            return d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0 ? DEFAULT_KDC_TIMEOUT : d;
        } catch (NumberFormatException e) {
            return DEFAULT_KDC_TIMEOUT;
        }
    }

    /**
     * @param timeout how long one KDC may take to accept the connection and answer (1 ms .. 10 min)
     * @return this configuration with that KDC timeout
     */
    public Krb5Config withKdcTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the KDC timeout must be within 1 ms .. 10 min");
        }
        return new Krb5Config(defaultRealm, kdcs, enctypes, forwardable, clockSkewSeconds, timeout);
    }

    /** @return how long one KDC may take to accept the connection and answer a request */
    public Duration kdcTimeout() {
        return kdcTimeout;
    }

    /** @return the default realm, if configured */
    public Optional<String> defaultRealm() {
        return defaultRealm;
    }

    /**
     * @param realm a realm name (case-insensitive)
     * @return the realm's KDC addresses ({@code host[:port]}, port 88 by default), possibly empty
     */
    public List<String> kdcs(String realm) {
        return kdcs.getOrDefault(realm.toUpperCase(Locale.ROOT), List.of());
    }

    /** @return the encryption types to request, in preference order */
    public List<EncryptionType> enctypes() {
        return enctypes;
    }

    /** @return whether tickets are requested forwardable */
    public boolean forwardable() {
        return forwardable;
    }

    /** @return the allowed clock skew in seconds */
    public int clockSkewSeconds() {
        return clockSkewSeconds;
    }

    /**
     * Renders this configuration as krb5.conf text for MIT tools and other clients: TCP only
     * (udp_preference_limit = 1) and no DNS lookups.
     *
     * @return the text
     */
    public String toKrb5ConfText() {
        StringBuilder b = new StringBuilder();
        b.append("[libdefaults]\n");
        defaultRealm.ifPresent(r -> b.append("    default_realm = ").append(r).append('\n'));
        b.append("    dns_lookup_realm = false\n    dns_lookup_kdc = false\n    rdns = false\n")
                .append("    dns_canonicalize_hostname = false\n    udp_preference_limit = 1\n")
                .append("    forwardable = ").append(forwardable).append('\n');
        b.append("\n[realms]\n");
        kdcs.forEach((realm, list) -> {
            b.append("    ").append(realm).append(" = {\n");
            list.forEach(k -> b.append("        kdc = ").append(k).append('\n'));
            b.append("    }\n");
        });
        return b.toString();
    }
}
