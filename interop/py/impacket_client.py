"""Shared connection setup for the Impacket clients (run under /usr/bin/python3)."""
import argparse
import os
import re

from impacket.dcerpc.v5 import transport
from impacket.dcerpc.v5.rpcrt import (RPC_C_AUTHN_GSS_NEGOTIATE, RPC_C_AUTHN_LEVEL_CONNECT,
                                      RPC_C_AUTHN_LEVEL_NONE, RPC_C_AUTHN_LEVEL_PKT_INTEGRITY,
                                      RPC_C_AUTHN_LEVEL_PKT_PRIVACY, RPC_C_AUTHN_WINNT)

LEVELS = {
    "none": RPC_C_AUTHN_LEVEL_NONE,
    "connect": RPC_C_AUTHN_LEVEL_CONNECT,
    "integrity": RPC_C_AUTHN_LEVEL_PKT_INTEGRITY,
    "privacy": RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
}

# Status the endpoint mapper returns after the last entry (Samba's end-of-list convention).
EPT_S_NOT_REGISTERED = 0x16C9A0D6


def add_auth_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-U", "--user", default=None, help="DOMAIN/user%%password; omitted = anonymous")
    parser.add_argument("--level", choices=sorted(LEVELS), default=None,
                        help="authentication level (default: privacy with a user, none without)")
    parser.add_argument("-k", "--kerberos", action="store_true",
                        help="SPNEGO-Kerberos from $KRB5CCNAME (fill it with MIT kinit/kvno first)")
    parser.add_argument("--kdc", default="127.0.0.1", help="KDC host for -k")


def parse_binding(binding: str):
    """ncacn_ip_tcp:HOST[PORT] -> (host, port)."""
    m = re.fullmatch(r"ncacn_ip_tcp:([^\[\]]+)\[(\d+)\]", binding)
    if not m:
        raise SystemExit(f"binding must look like ncacn_ip_tcp:HOST[PORT], not {binding}")
    return m.group(1), int(m.group(2))


def connect(binding: str, args, interface_uuid_bin):
    """Connects, sets authentication from the arguments and binds to the interface."""
    host, port = parse_binding(binding)
    rpc_transport = transport.DCERPCTransportFactory(f"ncacn_ip_tcp:{host}[{port}]")
    level = LEVELS[args.level] if args.level else (
        RPC_C_AUTHN_LEVEL_PKT_PRIVACY if args.user else RPC_C_AUTHN_LEVEL_NONE)
    domain, user, password = "", "", ""
    if args.user:
        user = args.user
        if "%" in user:
            user, password = user.split("%", 1)
        if "/" in user:
            domain, user = user.split("/", 1)
        elif "\\" in user:
            domain, user = user.split("\\", 1)
        rpc_transport.set_credentials(user, password, domain)
    if args.kerberos:
        # Impacket reads the ticket cache from KRB5CCNAME when it is given no password/keys, as a
        # plain path: it does not understand MIT's "FILE:" prefix.
        ccache = os.environ.get("KRB5CCNAME", "")
        if ccache.startswith("FILE:"):
            os.environ["KRB5CCNAME"] = ccache[len("FILE:"):]
        rpc_transport.set_kerberos(True, kdcHost=args.kdc)
    dce = rpc_transport.get_dce_rpc()
    if args.user or args.kerberos:
        dce.set_auth_type(RPC_C_AUTHN_GSS_NEGOTIATE if args.kerberos else RPC_C_AUTHN_WINNT)
        dce.set_auth_level(level)
    dce.connect()
    dce.bind(interface_uuid_bin)
    return dce


def ccache_present() -> bool:
    name = os.environ.get("KRB5CCNAME", "")
    return bool(name) and os.path.exists(name.removeprefix("FILE:"))
