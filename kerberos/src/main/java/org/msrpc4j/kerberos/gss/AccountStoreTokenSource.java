package org.msrpc4j.kerberos.gss;

import java.util.Locale;
import java.util.Objects;
import org.msrpc4j.authz.Token;
import org.msrpc4j.security.SecurityContextException;
import org.msrpc4j.security.SecurityStatus;
import org.msrpc4j.security.accounts.Account;
import org.msrpc4j.security.accounts.AccountStore;

/**
 * Tokens for callers without a PAC (tickets from the embedded KDC): the account of the same name in
 * the account store, with its groups. Callers from another realm, unknown or disabled accounts are
 * refused. Thread-safe (the store is immutable).
 */
public final class AccountStoreTokenSource implements CallerTokenSource {
    private final AccountStore store;

    /** @param store the accounts */
    public AccountStoreTokenSource(AccountStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Token tokenFor(KerberosCaller caller) throws SecurityContextException {
        String realm = caller.client().realm().toUpperCase(Locale.ROOT);
        boolean ours = (store.realm() != null && realm.equalsIgnoreCase(store.realm()))
                || realm.equalsIgnoreCase(store.domain());
        if (!ours || caller.client().components().size() != 1) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED,
                    caller.client() + " is not an account of " + store.domain());
        }
        Account a = store.findUser(caller.client().components().get(0)).orElseThrow(() ->
                new SecurityContextException(SecurityStatus.LOGON_DENIED, "no account " + caller.client().name()));
        if (a.disabled()) {
            throw new SecurityContextException(SecurityStatus.LOGON_DENIED, "the account " + a.name() + " is disabled");
        }
        return store.tokenFor(a);
    }
}
