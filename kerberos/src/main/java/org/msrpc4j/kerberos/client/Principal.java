package org.msrpc4j.kerberos.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;

/**
 * A Kerberos principal name: components, realm and name type ({@code alice@EXAMPLE.TEST},
 * {@code host/rpc1.example.test@EXAMPLE.TEST}). Immutable; thread-safe.
 *
 * @param components the name components, at least one
 * @param realm the realm (upper case by convention)
 * @param nameType the RFC 4120 name type (1 principal, 2 service instance, 3 service host)
 */
public record Principal(List<String> components, String realm, int nameType) {
    /** NT-PRINCIPAL. */
    public static final int NT_PRINCIPAL = 1;
    /** NT-SRV-INST. */
    public static final int NT_SRV_INST = 2;
    /** NT-SRV-HST. */
    public static final int NT_SRV_HST = 3;

    /** Validates and copies. */
    public Principal {
        components = List.copyOf(components);
        Objects.requireNonNull(realm, "realm");
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a principal needs at least one name component");
        }
    }

    /**
     * Parses {@code name[/instance…][@REALM]}; backslash escapes '/', '@' and '\'.
     *
     * @param text the principal as text
     * @param defaultRealm the realm when the text has none (may be null when the text has one)
     * @return the principal; NT-SRV-INST when it has several components, else NT-PRINCIPAL
     * @throws IllegalArgumentException when the text is empty or has no realm and none is given
     */
    public static Principal parse(String text, String defaultRealm) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String realm = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cur.append(text.charAt(++i));
            } else if (c == '/' && realm == null) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else if (c == '@' && realm == null) {
                parts.add(cur.toString());
                cur.setLength(0);
                realm = "";
            } else {
                cur.append(c);
            }
        }
        if (realm == null) {
            parts.add(cur.toString());
            realm = defaultRealm;
        } else {
            realm = cur.toString();
        }
        if (parts.isEmpty() || parts.get(0).isEmpty()) {
            throw new IllegalArgumentException("empty Kerberos principal name");
        }
        if (realm == null || realm.isEmpty()) {
            throw new IllegalArgumentException("the principal " + text + " has no realm and no default realm is configured");
        }
        return new Principal(parts, realm, parts.size() > 1 ? NT_SRV_INST : NT_PRINCIPAL);
    }

    /**
     * An SPN as msrpc4j callers give it ({@code host/server.example.test}, {@code RPCSS/x}, or with
     * a realm).
     *
     * @param spn the SPN
     * @param defaultRealm realm when the SPN has none
     * @return a service principal (NT-SRV-INST)
     */
    public static Principal service(String spn, String defaultRealm) {
        Principal p = parse(spn, defaultRealm);
        return new Principal(p.components, p.realm, NT_SRV_INST);
    }

    /** @return the TGS principal of this principal's realm: krbtgt/REALM@REALM */
    public static Principal krbtgt(String realm) {
        return new Principal(List.of("krbtgt", realm), realm, NT_SRV_INST);
    }

    /** @return the name without the realm, components joined by '/' */
    public String name() {
        return String.join("/", components);
    }

    /** @return the RFC 3962 default salt: realm followed by the components */
    public String defaultSalt() {
        return realm + String.join("", components);
    }

    /** @return true when the names match, ignoring name type and realm case */
    public boolean sameAs(Principal other) {
        return other != null && other.components.equals(components) && other.realm.equalsIgnoreCase(realm);
    }

    /** @return this principal as a Kerby PrincipalName (without realm) */
    public PrincipalName toKerby() {
        PrincipalName p = new PrincipalName(components, NameType.fromValue(nameType));
        p.setRealm(realm);
        return p;
    }

    /**
     * @param name a Kerby principal name
     * @param realm its realm
     * @return the principal
     */
    public static Principal fromKerby(PrincipalName name, String realm) {
        NameType t = name.getNameType();
        return new Principal(name.getNameStrings(), realm, t == null ? NT_PRINCIPAL : t.getValue());
    }

    /** @return the upper-cased realm, as KDCs compare it */
    public String realmUpper() {
        return realm.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name() + "@" + realm;
    }
}
