"""Describes the machine and the run as JSON: CPU model, cores, RAM, kernel, Java, Samba, Impacket.

Usage: /usr/bin/python3 machine.py --quick 0|1 --seconds S --only LIST [--previous machine.json]
"""
import argparse
import datetime
import json
import os
import platform
import subprocess


def run(cmd, timeout=30):
    """First non-empty lines of a command's stdout+stderr, or a note that it failed."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return (p.stdout + p.stderr).strip()
    except (OSError, subprocess.SubprocessError) as e:
        return f"unavailable ({type(e).__name__})"


def lscpu_field(text, name):
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == name:
            return value.strip()
    return "?"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", default="0")
    parser.add_argument("--seconds", type=int, required=True)
    parser.add_argument("--only", default="")
    parser.add_argument("--previous", default="",
                        help="the previous machine.json: which run each item not measured now comes from")
    args = parser.parse_args()
    lscpu = run(["lscpu"])
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    try:
        load = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load = []
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    info = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpuModel": lscpu_field(lscpu, "Model name"),
        "cpus": os.cpu_count(),
        "threadsPerCore": lscpu_field(lscpu, "Thread(s) per core"),
        "memGiB": round(mem_kib / 1024 / 1024, 1),
        "kernel": platform.release(),
        "os": run(["sh", "-c", ". /etc/os-release && echo \"$PRETTY_NAME\""]),
        "java": run(["java", "-version"]).splitlines()[:3],
        "samba": run(["samba", "--version"]),
        "impacket": run(["/usr/bin/python3", "-c", "import impacket.version as v; print(v.version)"]),
        "python": platform.python_version(),
        "msrpc4jCommit": run(["git", "-C", repo, "rev-parse", "--short", "HEAD"]),
        "msrpc4jDirty": bool(run(["git", "-C", repo, "status", "--porcelain", "--untracked-files=no"])),
        "loadAverageAtStart": load,
        "quick": args.quick == "1",
        "secondsPerMeasurement": args.seconds,
        "items": args.only,
    }
    runs = {}
    try:
        with open(args.previous) as f:
            prev = json.load(f)
        runs = prev.get("itemRuns") or {i: prev.get("date", "?") for i in prev.get("items", "").split(",") if i}
    except (OSError, ValueError):
        pass
    for item in args.only.split(","):
        runs[item] = info["date"]
    info["itemRuns"] = dict(sorted(runs.items()))
    print(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
