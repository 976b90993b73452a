"""Endpoint-mapper client with Impacket: ept_lookup to the end of the list, optional ept_map.

Usage: /usr/bin/python3 impacket_epm.py ncacn_ip_tcp:HOST[PORT] [--expect UUID ...] [--map UUID]

Prints one line per entry: "UUID vMAJOR.MINOR BINDING annotation". ept_lookup is iterated with the
entry handle until it comes back null; EPT_S_NOT_REGISTERED on a later call is the end of the
list (Samba's convention), not an error. Exits 1 when an expected interface is missing or the
map fails.
"""
import argparse
import sys

from impacket import uuid
from impacket.dcerpc.v5 import epm
from impacket.dcerpc.v5.ndr import NULL

from impacket_client import EPT_S_NOT_REGISTERED, add_auth_arguments, connect


class AlreadyBound:
    """Impacket's hept_map binds again on the connection it is given; Samba (rightly) rejects a
    second bind, so hand it the existing binding with bind() made a no-op."""

    def __init__(self, dce):
        self._dce = dce

    def bind(self, *args, **kwargs):
        return None

    def __getattr__(self, name):
        return getattr(self._dce, name)


def lookup_all(dce):
    entries = []
    handle = epm.ept_lookup_handle_t()
    for _ in range(1000):  # a bound on a misbehaving server that never ends the list
        request = epm.ept_lookup()
        request["inquiry_type"] = epm.RPC_C_EP_ALL_ELTS
        request["object"] = NULL
        request["Ifid"] = NULL
        request["vers_option"] = epm.RPC_C_VERS_ALL
        request["entry_handle"] = handle
        request["max_ents"] = 20
        resp = dce.request(request, checkError=False)
        status = resp["status"]
        if status == EPT_S_NOT_REGISTERED:
            break
        if status != 0:
            raise RuntimeError(f"ept_lookup status 0x{status:08x}")
        for i in range(resp["num_ents"]):
            entry = resp["entries"][i]
            tower = epm.EPMTower(b"".join(entry["tower"]["tower_octet_string"]))
            floors = tower["Floors"]
            if_uuid = uuid.bin_to_string(floors[0]["InterfaceUUID"]).lower()
            version = f"{floors[0]['MajorVersion']}.{floors[0]['MinorVersion']}"
            annotation = b"".join(entry["annotation"]).rstrip(b"\0").decode("latin-1")
            entries.append((if_uuid, version, epm.PrintStringBinding(floors), annotation))
        handle = resp["entry_handle"]
        if handle.isNull():
            break
    else:
        raise RuntimeError("ept_lookup did not end after 1000 calls")
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("binding")
    add_auth_arguments(parser)
    parser.add_argument("--expect", nargs="*", default=[], help="interface UUIDs that must be listed")
    parser.add_argument("--map", default=None, help="interface UUID (version 1.0 unless UUID:MAJ.MIN) to ept_map")
    args = parser.parse_args()
    dce = connect(args.binding, args, epm.MSRPC_UUID_PORTMAP)
    entries = lookup_all(dce)
    for if_uuid, version, binding, annotation in entries:
        print(f"{if_uuid} v{version} {binding} {annotation}")
    print(f"{len(entries)} entries")
    ok = True
    listed = {e[0] for e in entries}
    for want in args.expect:
        if want.lower() not in listed:
            print(f"FAIL: interface {want} not listed")
            ok = False
    if args.map:
        want, _, ver = args.map.partition(":")
        major, _, minor = (ver or "1.0").partition(".")
        iface = uuid.uuidtup_to_bin((want, f"{major}.{minor or 0}"))
        host = args.binding.split(":", 1)[1].split("[", 1)[0]
        mapped = epm.hept_map(host, iface, protocol="ncacn_ip_tcp", dce=AlreadyBound(dce))
        print(f"ept_map {want} -> {mapped}")
    dce.disconnect()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
