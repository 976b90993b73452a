"""The DCE management interface and the endpoint mapper through Samba's Python bindings.

Usage: /usr/bin/python3 samba_mgmt_epm.py mgmt BINDING [--expect UUID ...] [auth options]
       /usr/bin/python3 samba_mgmt_epm.py epm  BINDING [--expect UUID ...] [--map UUID] [auth options]
mgmt: inq_if_ids (every expected UUID listed), inq_stats, is_server_listening, inq_princ_name.
epm:  epm_Lookup iterated to the end of the list (EPT_S_NOT_REGISTERED or a null handle ends it),
      optional epm_Map of an interface to its ncacn_ip_tcp port.
"""
import argparse
import struct

from samba.dcerpc import epmapper, mgmt, misc
from samba.ndr import ndr_pack, ndr_unpack

from samba_client import Checks, add_auth_arguments, expect, load

EPT_S_NOT_REGISTERED = 0x16C9A0D6
RPC_C_AUTHN_WINNT = 10


def run_mgmt(args, lp, creds, checks):
    conn = mgmt.mgmt(args.binding, lp, creds)

    def inq_if_ids():
        vector = conn.inq_if_ids()
        listed = {str(i.id.uuid).lower(): i.id.if_version for i in vector.if_id if i is not None}
        for want in args.expect:
            expect(want.lower() in listed, f"{want} not in {sorted(listed)}")
        return ", ".join(f"{u} v{v & 0xffff}.{v >> 16}" for u, v in sorted(listed.items()))

    def inq_stats():
        stats = conn.inq_stats(4, 0)
        expect(stats.count >= 1, f"statistics count {stats.count}")
        return f"count={stats.count} values={list(stats.statistics)}"

    def is_server_listening():
        status, result = conn.is_server_listening()
        expect(result == 1 and status == 0, f"status={status} result={result}")
        return "listening"

    def inq_princ_name():
        name = conn.inq_princ_name(RPC_C_AUTHN_WINNT, 256)
        return repr(name)

    checks.run("mgmt inq_if_ids", inq_if_ids)
    checks.run("mgmt inq_stats", inq_stats)
    checks.run("mgmt is_server_listening", is_server_listening)
    # A server without a principal name for NTLM may fault; report, but it is not a failure.
    try:
        print(f"info mgmt inq_princ_name: {inq_princ_name()}")
    except Exception as e:
        print(f"info mgmt inq_princ_name: {type(e).__name__}: {e}")


def run_epm(args, lp, creds, checks):
    conn = epmapper.epmapper(args.binding, lp, creds)
    entries = []

    def lookup():
        handle = misc.policy_handle()
        for _ in range(1000):
            handle, ents, result = conn.epm_Lookup(0, None, None, 1, handle, 20)
            if result == EPT_S_NOT_REGISTERED:
                break
            expect(result == 0, f"epm_Lookup result 0x{result:08x}")
            for e in ents or []:
                entries.append((tower_uuid(e.tower.tower.floors[0]), e.annotation))
            if handle.uuid == misc.GUID() and handle.handle_type == 0:
                break
        else:
            raise AssertionError("epm_Lookup did not end after 1000 calls")
        listed = {u for u, _ in entries}
        for want in args.expect:
            expect(want.lower() in listed, f"{want} not listed")
        return f"{len(entries)} entries"

    checks.run("epm_Lookup to the end", lookup)
    for u, annotation in entries:
        print(f"     {u} {annotation}")
    if args.map:
        def do_map():
            return map_tcp_port(conn, args.map)
        checks.run(f"epm_Map {args.map}", do_map)


def tower_uuid(floor):
    # Floor 0 of a tower: lhs_data is the interface GUID (16 bytes, NDR) and the major version.
    return str(ndr_unpack(misc.GUID, bytes(floor.lhs.lhs_data[:16]))).lower()


def map_tcp_port(conn, iface_uuid):
    twr = epmapper.epm_twr_t()
    tower = epmapper.epm_tower()
    floors = []
    for uuid_str, major, minor in ((iface_uuid, 1, 0), ("8a885d04-1ceb-11c9-9fe8-08002b104860", 2, 0)):
        f = epmapper.epm_floor()
        f.lhs.protocol = epmapper.EPM_PROTOCOL_UUID
        f.lhs.lhs_data = uuid_lhs(uuid_str, major)
        f.rhs = epmapper.epm_rhs_uuid()
        f.rhs.unknown = struct.pack("<H", minor)
        floors.append(f)
    f = epmapper.epm_floor(); f.lhs.protocol = epmapper.EPM_PROTOCOL_NCACN; f.lhs.lhs_data = b""
    f.rhs = epmapper.epm_rhs_ncacn(); f.rhs.minor_version = 0
    floors.append(f)
    f = epmapper.epm_floor(); f.lhs.protocol = epmapper.EPM_PROTOCOL_TCP; f.lhs.lhs_data = b""
    f.rhs = epmapper.epm_rhs_tcp(); f.rhs.port = 0
    floors.append(f)
    f = epmapper.epm_floor(); f.lhs.protocol = epmapper.EPM_PROTOCOL_IP; f.lhs.lhs_data = b""
    f.rhs = epmapper.epm_rhs_ip(); f.rhs.ipaddr = "0.0.0.0"
    floors.append(f)
    tower.num_floors = len(floors)
    tower.floors = floors
    twr.tower = tower
    handle = misc.policy_handle()
    handle, towers, result = conn.epm_Map(None, twr, handle, 1)
    expect(result == 0 and towers, f"epm_Map result 0x{result:08x}")
    port = towers[0].twr.tower.floors[3].rhs.port
    expect(port > 0, "mapped port 0")
    return f"port {port}"


def uuid_lhs(uuid_str, major):
    return ndr_pack(misc.GUID(uuid_str)) + struct.pack("<H", major)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=["mgmt", "epm"])
    add_auth_arguments(parser)
    parser.add_argument("--expect", nargs="*", default=[], help="interface UUIDs that must be listed")
    parser.add_argument("--map", default=None, help="interface UUID (v1) to map to a TCP port")
    args = parser.parse_args()
    lp, creds = load(args)
    checks = Checks()
    (run_mgmt if args.what == "mgmt" else run_epm)(args, lp, creds, checks)
    checks.finish()


if __name__ == "__main__":
    main()
