"""Shared setup for the Samba Python-binding clients: load parameters and credentials.

Run under /usr/bin/python3 (Debian's), which has Samba's bindings.
"""
import argparse
import os
import sys

from samba.credentials import (Credentials, DONT_USE_KERBEROS, MUST_USE_KERBEROS, SPECIFIED)
from samba.param import LoadParm


def add_auth_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("binding", help="string binding, e.g. ncacn_ip_tcp:127.0.0.1[1234,seal]")
    parser.add_argument("-s", "--smbconf", default=os.environ.get("DC_CLIENT_CONF"),
                        help="client smb.conf (default: $DC_CLIENT_CONF)")
    parser.add_argument("-U", "--user", default=None,
                        help="DOMAIN/user%%password; omitted = anonymous")
    parser.add_argument("-k", "--kerberos", action="store_true",
                        help="Kerberos only (ccache from $KRB5CCNAME or the password)")


def load(args):
    """Returns (lp, creds) from the parsed arguments."""
    lp = LoadParm()
    if args.smbconf:
        lp.load(args.smbconf)
    else:
        lp.load_default()
    creds = Credentials()
    creds.guess(lp)
    if args.user is None:
        creds.set_anonymous()
        return lp, creds
    user = args.user
    password = None
    if "%" in user:
        user, password = user.split("%", 1)
    domain = None
    if "/" in user:
        domain, user = user.split("/", 1)
    elif "\\" in user:
        domain, user = user.split("\\", 1)
    creds.set_username(user)
    if domain:
        creds.set_domain(domain)
    if password is not None:
        creds.set_password(password)
    if args.kerberos:
        creds.set_kerberos_state(MUST_USE_KERBEROS)
        realm = lp.get("realm")
        if realm:
            creds.set_realm(realm)
        ccache = os.environ.get("KRB5CCNAME")
        if ccache and password is None:
            creds.set_named_ccache(ccache, SPECIFIED, lp)
    else:
        creds.set_kerberos_state(DONT_USE_KERBEROS)
    return lp, creds


class Checks:
    """Collects named checks; the script exits 1 if any failed, after running all of them."""

    def __init__(self):
        self.failed = []

    def run(self, name, fn):
        try:
            detail = fn()
            print(f"ok   {name}" + (f": {detail}" if detail else ""))
        except Exception as e:  # report every kind of failure, keep going
            self.failed.append(name)
            print(f"FAIL {name}: {type(e).__name__}: {e}")

    def finish(self):
        if self.failed:
            print(f"{len(self.failed)} check(s) failed: {', '.join(self.failed)}")
            sys.exit(1)
        print("all checks passed")


def expect(condition, message):
    if not condition:
        raise AssertionError(message)
