"""Impacket's DCE/RPC client in a loop of mgmt calls on ONE connection (PKT_PRIVACY by default).

Usage: /usr/bin/python3 impacket_mgmt_loop.py BINDING -U DOMAIN/user%pw [--level privacy]
         [--call is_server_listening|inq_if_ids] (--seconds S | --calls N) [--start-file F]
BINDING is ncacn_ip_tcp:HOST[PORT]. Prints one JSON object like `./msrpc bench --json` (tool
"impacket"); exit 0 iff no errors. Bind and authentication happen before the measured loop.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "interop", "py"))

from impacket.dcerpc.v5 import mgmt  # noqa: E402

from impacket_client import add_auth_arguments, connect  # noqa: E402
from loopstats import Recorder, loop, wait_for_go  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("binding")
    add_auth_arguments(parser)
    parser.add_argument("--call", choices=["is_server_listening", "inq_if_ids"], default="is_server_listening")
    parser.add_argument("--seconds", type=float, default=0)
    parser.add_argument("--calls", type=int, default=0)
    parser.add_argument("--start-file", default="", help="start barrier file of parallel.py")
    args = parser.parse_args()
    if not args.seconds and not args.calls:
        parser.error("give --seconds or --calls")
    dce = connect(args.binding, args, mgmt.MSRPC_UUID_MGMT)

    if args.call == "is_server_listening":
        def call():
            resp = mgmt.his_server_listening(dce)
            if resp["status"] != 0:
                raise RuntimeError(f"status={resp['status']}")
    else:
        def call():
            resp = mgmt.hinq_if_ids(dce)
            if resp["if_id_vector"]["count"] < 1:
                raise RuntimeError("no interfaces")

    call()
    rec = Recorder()
    start_at = wait_for_go(args.start_file) if args.start_file else 0
    loop(rec, call, args.seconds, args.calls, start_at)
    dce.disconnect()
    print(rec.as_json(tool="impacket", op=f"mgmt:{args.call}", binding=args.binding,
                      auth="kerberos" if args.kerberos else "ntlm", level=args.level or "privacy"))
    return 0 if rec.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
