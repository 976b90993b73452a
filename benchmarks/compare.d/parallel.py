"""Runs P copies of a client loop at once and measures the SERVER's CPU time over the same window.

Usage: /usr/bin/python3 parallel.py --procs P --seconds S --server-pids PID[,PID...] [--start-at-flag]
         [--timeout T] -- CMD [ARG...]
CMD prints one bench JSON object (a Python loop or `msrpc bench --json`). With --start-at-flag each
copy gets `--start-file F`: all copies connect first and say so, then start calling at the instant
written in F, and the server's CPU is sampled at that instant and S seconds later (connection setup
excluded). Without it (e.g. one `msrpc bench`), the server is sampled around the whole command.
Server CPU is utime+stime from /proc/PID/stat summed over the given PIDs (every thread of a JVM;
every listed Samba process). Prints one JSON object: the copies' sums, their worst latencies, and
serverCpuSeconds / serverCpuMicrosPerCall. Exit 0 iff every copy exited 0 with parseable output.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopstats import ready_count  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """Summed utime+stime of the processes (threads included); vanished processes count 0."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name is in parentheses and may contain spaces: split after the last ')'.
        fields = stat[stat.rindex(")") + 2:].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / CLK_TCK


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--procs", type=int, default=1)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--server-pids", default="")
    parser.add_argument("--start-at-flag", action="store_true")
    parser.add_argument("--setup-seconds", type=float, default=120.0,
                        help="longest wait for the copies to connect and authenticate before the start")
    parser.add_argument("--timeout", type=float, default=0, help="kill the copies after this (default S+60)")
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    if not cmd:
        parser.error("no command")
    pids = [int(p) for p in args.server_pids.replace(",", " ").split() if p]
    timeout = args.timeout or args.seconds + 60
    timeout += args.setup_seconds if args.start_at_flag else 0

    workdir = tempfile.mkdtemp(prefix="msrpc4j-parallel-")
    start_file = os.path.join(workdir, "go")
    extra = ["--start-file", start_file] if args.start_at_flag else []
    cpu0 = None if args.start_at_flag else cpu_seconds(pids)
    procs = [subprocess.Popen(cmd + extra, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(args.procs)]
    if args.start_at_flag:
        # Barrier: every copy has connected and authenticated (or died) before the clock starts,
        # however long that takes on a loaded machine.
        setup_deadline = time.time() + args.setup_seconds
        while ready_count(start_file) < args.procs and time.time() < setup_deadline:
            if all(p.poll() is not None for p in procs):
                break
            time.sleep(0.02)
        start_at = time.time() + 0.2
        with open(start_file + ".tmp", "w") as f:
            f.write(f"{start_at:.6f}")
        os.rename(start_file + ".tmp", start_file)
        time.sleep(max(0.0, start_at - time.time()))
        cpu0 = cpu_seconds(pids)
        time.sleep(args.seconds)
        cpu1 = cpu_seconds(pids)
    results, failures = [], []
    deadline = time.time() + timeout
    for p in procs:
        try:
            out, err = p.communicate(timeout=max(1.0, deadline - time.time()))
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            failures.append(f"timed out after {timeout:.0f} s")
            continue
        try:
            results.append(json.loads(out.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            failures.append(f"exit {p.returncode}, no JSON: {(err or out).strip()[-400:]}")
            continue
        if p.returncode != 0:
            failures.append(f"exit {p.returncode}: {results[-1].get('firstError')}")
    if not args.start_at_flag:
        cpu1 = cpu_seconds(pids)
    shutil.rmtree(workdir, ignore_errors=True)
    if not results:
        print(json.dumps({"errors": 1, "firstError": "; ".join(failures) or "no result", "calls": 0,
                          "callsPerSecond": 0, "processes": args.procs}))
        return 1
    out = dict(results[0])
    calls = sum(r.get("calls", 0) for r in results)
    out.update({
        "processes": args.procs,
        "calls": calls,
        "errors": sum(r.get("errors", 0) for r in results) + len(failures),
        "firstError": next((r.get("firstError") for r in results if r.get("firstError")), None)
                      or (failures[0] if failures else None),
        "callsPerSecond": round(sum(r.get("callsPerSecond", 0) for r in results), 1),
        "mbPerSecond": round(sum(r.get("mbPerSecond", 0) or 0 for r in results), 2),
        "clientCpuSeconds": round(sum(r.get("clientCpuSeconds", 0) or 0 for r in results), 3),
        "latencyMicros": {k: max((r.get("latencyMicros") or {}).get(k, 0) for r in results)
                          for k in ("p50", "p90", "p99", "p999", "max")},
        "serverCpuSeconds": round(cpu1 - cpu0, 3),
        "serverPids": len(pids),
        # calls/s over the common window: copies that connected late called for less of it.
        "windowSeconds": args.seconds if args.start_at_flag else None,
        "maxLateStartSeconds": max((r.get("lateStartSeconds") or 0) for r in results),
    })
    if args.start_at_flag:
        out["callsPerSecond"] = round(calls / args.seconds, 1)
    if args.start_at_flag:
        # Every counted call was made inside the sampled window.
        if calls and pids:
            out["serverCpuMicrosPerCall"] = round((cpu1 - cpu0) * 1e6 / calls, 1)
    else:
        # Sampled around the whole command: its connection setup and warm-up calls are in it,
        # so no per-call figure is derived from it.
        out["serverCpuSecondsWholeCommand"] = out.pop("serverCpuSeconds")
    if calls and out["clientCpuSeconds"]:
        out["clientCpuMicrosPerCall"] = round(out["clientCpuSeconds"] * 1e6 / calls, 1)
    print(json.dumps(out))
    return 0 if out["errors"] == 0 and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
