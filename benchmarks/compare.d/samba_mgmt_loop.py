"""Samba's own C client (through its Python bindings) in a loop of mgmt calls on ONE connection.

Usage: /usr/bin/python3 samba_mgmt_loop.py BINDING [-U DOMAIN/user%pw | -k -U user] [-s smb.conf]
         [--call is_server_listening|inq_if_ids] (--seconds S | --calls N) [--start-file F]
Prints one JSON object like `./msrpc bench --json` (tool "samba-python"); exit 0 iff no errors.
The binding's options ([seal]) choose the level; the connection and its authentication are made
before the measured loop (and before the start barrier), so only calls are timed.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "interop", "py"))

from samba.dcerpc import mgmt  # noqa: E402

from samba_client import add_auth_arguments, load  # noqa: E402
from loopstats import Recorder, loop, wait_for_go  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_auth_arguments(parser)
    parser.add_argument("--call", choices=["is_server_listening", "inq_if_ids"], default="is_server_listening")
    parser.add_argument("--seconds", type=float, default=0)
    parser.add_argument("--calls", type=int, default=0)
    parser.add_argument("--start-file", default="", help="start barrier file of parallel.py")
    args = parser.parse_args()
    if not args.seconds and not args.calls:
        parser.error("give --seconds or --calls")
    lp, creds = load(args)
    conn = mgmt.mgmt(args.binding, lp, creds)

    if args.call == "is_server_listening":
        def call():
            status, result = conn.is_server_listening()
            if status != 0 or result != 1:
                raise RuntimeError(f"status={status} result={result}")
    else:
        def call():
            vector = conn.inq_if_ids()
            if vector.count < 1:
                raise RuntimeError("no interfaces")

    call()  # warm-up: the first call may still set up state on either side
    rec = Recorder()
    start_at = wait_for_go(args.start_file) if args.start_file else 0
    loop(rec, call, args.seconds, args.calls, start_at)
    level = "privacy" if "seal" in args.binding else ("integrity" if "sign" in args.binding else "none")
    print(rec.as_json(tool="samba-python", op=f"mgmt:{args.call}", binding=args.binding,
                      auth="kerberos" if args.kerberos else "ntlm", level=level))
    return 0 if rec.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
