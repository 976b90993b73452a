package org.msrpc4j.kerberos.client;

/**
 * Turns RFC 4120 KRB-ERROR codes into plain words for users. Stateless.
 */
public final class KdcErrors {
    /** KDC_ERR_C_PRINCIPAL_UNKNOWN. */
    public static final int CLIENT_UNKNOWN = 6;
    /** KDC_ERR_S_PRINCIPAL_UNKNOWN. */
    public static final int SERVER_UNKNOWN = 7;
    /** KDC_ERR_ETYPE_NOSUPP. */
    public static final int ETYPE_NOSUPP = 14;
    /** KDC_ERR_PREAUTH_FAILED. */
    public static final int PREAUTH_FAILED = 24;
    /** KDC_ERR_PREAUTH_REQUIRED. */
    public static final int PREAUTH_REQUIRED = 25;
    /** KRB_AP_ERR_SKEW. */
    public static final int SKEW = 37;
    /** KRB_AP_ERR_MODIFIED. */
    public static final int MODIFIED = 41;
    /** KRB_ERR_RESPONSE_TOO_BIG. */
    public static final int RESPONSE_TOO_BIG = 52;

    private KdcErrors() {
    }

    /**
     * @param code a KRB-ERROR code
     * @param client the client principal, for the message
     * @param server the server principal, for the message
     * @return a sentence saying what it means and what to do
     */
    public static String describe(int code, String client, String server) {
        return switch (code) {
            case CLIENT_UNKNOWN -> "the KDC does not know the user " + client + " (check the name and realm)";
            case SERVER_UNKNOWN -> "the KDC has no service principal " + server
                    + " (check the SPN; for Active Directory register it with setspn / samba-tool spn add)";
            case 12 -> "the KDC policy refuses this request for " + client;
            case 14 -> "the KDC and msrpc4j share no encryption type (msrpc4j supports aes256, aes128 and rc4-hmac)";
            case 18 -> "the account " + client + " is disabled, locked or expired";
            case 23 -> "the password of " + client + " has expired; change it first";
            case PREAUTH_FAILED -> "wrong password for " + client;
            case SKEW -> "the clocks of this machine and the KDC differ by more than 5 minutes; synchronise them";
            case 31 -> "the ticket's integrity check failed (the service's key does not match the KDC's)";
            case 32 -> "the ticket has expired; get a new one (kinit)";
            case 33 -> "the ticket is not yet valid (clock skew?)";
            case 34 -> "the request is a replay";
            case 35 -> "the ticket is not for this service";
            case MODIFIED -> "the message was modified or the service's key is wrong (check the keytab and kvno)";
            case 44 -> "the service does not have the key version the ticket was made with (re-export the keytab)";
            case 60 -> "the KDC reported a generic error for " + client + " → " + server;
            case 68 -> "wrong realm: the KDC serves a different realm";
            default -> "the KDC refused the request (Kerberos error " + code + ")";
        };
    }
}
