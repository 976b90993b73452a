"""Lists a domain's users over SAMR with Impacket (SamrConnect, LookupDomain, OpenDomain,
EnumerateUsersInDomain).

Usage: /usr/bin/python3 impacket_samr.py ncacn_ip_tcp:HOST[PORT] -U DOMAIN/user%pass [--level L] [--expect NAME ...]
"""
import argparse
import sys

from impacket.dcerpc.v5 import samr
from impacket.nt_errors import STATUS_MORE_ENTRIES

from impacket_client import add_auth_arguments, connect


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("binding")
    add_auth_arguments(parser)
    parser.add_argument("--expect", nargs="*", default=[], help="user names that must be listed")
    args = parser.parse_args()
    dce = connect(args.binding, args, samr.MSRPC_UUID_SAMR)
    server = samr.hSamrConnect(dce)["ServerHandle"]
    domains = samr.hSamrEnumerateDomainsInSamServer(dce, server)["Buffer"]["Buffer"]
    name = next(d["Name"] for d in domains if d["Name"].lower() != "builtin")
    sid = samr.hSamrLookupDomainInSamServer(dce, server, name)["DomainId"]
    domain = samr.hSamrOpenDomain(dce, server, domainId=sid)["DomainHandle"]
    users = []
    status = STATUS_MORE_ENTRIES
    context = 0
    while status == STATUS_MORE_ENTRIES:
        try:
            resp = samr.hSamrEnumerateUsersInDomain(dce, domain, enumerationContext=context)
        except samr.DCERPCSessionError as e:
            if e.get_error_code() != STATUS_MORE_ENTRIES:
                raise
            resp = e.get_packet()
        for u in resp["Buffer"]["Buffer"]:
            users.append((u["Name"], u["RelativeId"]))
        context = resp["EnumerationContext"]
        status = resp["ErrorCode"]
    print(f"domain {name} {sid.formatCanonical()}")
    for user, rid in users:
        print(f"user:[{user}] rid:[0x{rid:x}]")
    dce.disconnect()
    missing = set(args.expect) - {u for u, _ in users}
    if missing:
        print(f"FAIL: not listed: {', '.join(sorted(missing))}")
        sys.exit(1)


if __name__ == "__main__":
    main()
