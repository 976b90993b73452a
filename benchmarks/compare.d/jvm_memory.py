"""Samples a JVM server's memory for item g: heap used after a full GC (jcmd GC.run, then
GC.heap_info), committed heap, RSS (/proc/PID/status VmRSS), and its established TCP connections.

Usage: /usr/bin/python3 jvm_memory.py PID --label NAME [--port P --wait-connections N
         --wait-seconds S --while-pid LOADPID]
With --wait-connections it first waits (at most S seconds, and only while LOADPID lives) until the
server holds N established connections on port P, so that the sample is taken under the full load.
Prints one JSON object.
"""
import argparse
import json
import re
import subprocess
import sys
import time


def established(port):
    """Established TCP connections whose local port is `port` (the server's side)."""
    try:
        out = subprocess.run(["ss", "-Htn", "state", "established", f"( sport = :{port} )"],
                             capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return -1
    return sum(1 for line in out.splitlines() if line.strip())


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat"):
            return True
    except OSError:
        return False


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def heap_after_gc(pid):
    """(used MiB, committed MiB, raw text) of the heap after a full GC, from jcmd."""
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, text=True, timeout=120)
    text = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True,
                          timeout=60).stdout
    # e.g. " garbage-first heap   total 262144K, used 23456K [0x..."
    m = re.search(r"heap\s+total\s+(\d+)K,\s+used\s+(\d+)K", text)
    if not m:
        return None, None, text.strip()[-400:]
    return round(int(m.group(2)) / 1024, 1), round(int(m.group(1)) / 1024, 1), None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pid", type=int)
    parser.add_argument("--label", default="sample")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--wait-connections", type=int, default=0)
    parser.add_argument("--wait-seconds", type=float, default=120)
    parser.add_argument("--while-pid", type=int, default=0)
    args = parser.parse_args()
    out = {"label": args.label}
    if args.wait_connections:
        deadline = time.time() + args.wait_seconds
        best, waited = 0, time.time()
        while time.time() < deadline:
            n = established(args.port)
            best = max(best, n)
            if n >= args.wait_connections:
                break
            if args.while_pid and not alive(args.while_pid):
                break
            time.sleep(0.5)
        out["connectionsAtSample"] = established(args.port)
        out["connectionsMax"] = best
        out["secondsToConnect"] = round(time.time() - waited, 1)
        # A moment of the active clients' calls on top of the idle ones before sampling (the
        # caller's warm-up is long enough that the forced GC falls before the measured period).
        time.sleep(2)
    if not alive(args.pid):
        out["error"] = "server not running"
        print(json.dumps(out))
        return 1
    out["rssMiBBeforeGc"] = rss_mib(args.pid)
    used, committed, raw = heap_after_gc(args.pid)
    out.update({"heapUsedAfterGcMiB": used, "heapCommittedMiB": committed, "rssMiB": rss_mib(args.pid)})
    if args.port:
        out["connectionsAfterGc"] = established(args.port)
    if raw:
        out["heapInfo"] = raw
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
