#!/usr/bin/env python3
"""Checks and figures for one load or soak run of `./msrpc serve` driven by `./msrpc bench`.

Reads the server's unified GC log (-Xlog:gc*), the sampler's CSV (live heap after a forced full GC,
RSS, threads, descriptors) and bench's --json output, prints the figures, writes them as markdown
when asked, and exits 1 when a check fails:

  * bench exited 0 and reported errors == 0 (and calls == the requested number when one was given);
  * the server process was still alive when the load ended;
  * heap flat under load: among the samples taken while the clients were connected (server
    descriptors >= idle + 95 % of --clients), the median live heap of the last quarter is at most
    --bound-mib above the median of the first quarter;
  * heap returns: the live heap once the clients have gone is at most --bound-mib above the live
    heap of the idle server before the load (what a leak of per-connection or per-call state leaves);
  * descriptors and threads flat: the same quarters of steady-state samples differ by at most
    5 % + 8 descriptors and 5 % + 64 threads (the call pool grows with the calls in flight at once;
    a leak of one per call or per connection shows in the thousands).

Only standard-library Python, so that CI needs nothing more than the interop suite does.
"""
import argparse
import csv
import json
import re
import statistics
import sys

# [12.345s][info][gc          ] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(512M) 5.123ms
PAUSE = re.compile(r"^\[(?P<up>[\d.]+)s\]\[info\]\[gc\s*\] GC\(\d+\) (?P<kind>Pause [^(]+?) (?P<why>(\([^)]*\) ?)*)"
                   r"(?P<before>\d+)(?P<bu>[KMG])->(?P<after>\d+)(?P<au>[KMG])\((?P<cap>\d+)(?P<cu>[KMG])\) "
                   r"(?P<ms>[\d.]+)ms")
UNIT_MIB = {"K": 1 / 1024, "M": 1, "G": 1024}


def parse_gc(path):
    """Pauses of the log as dicts: uptime s, kind, forced (jcmd GC.run), before/after/capacity MiB, ms."""
    pauses = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = PAUSE.match(line)
            if not m:
                continue
            pauses.append({
                "up": float(m["up"]), "kind": m["kind"].strip(), "why": m["why"].strip(),
                "forced": "Diagnostic Command" in m["why"],
                "before": int(m["before"]) * UNIT_MIB[m["bu"]], "after": int(m["after"]) * UNIT_MIB[m["au"]],
                "cap": int(m["cap"]) * UNIT_MIB[m["cu"]], "ms": float(m["ms"]),
            })
    return pauses


def load_window(pauses):
    """The natural pauses between the first and last forced GC: the sampler forces one just before the
    load starts and one after it ends, so these are the collections the load caused."""
    forced = [i for i, p in enumerate(pauses) if p["forced"]]
    if len(forced) < 2:
        return [p for p in pauses if not p["forced"]]
    return [p for p in pauses[forced[0]:forced[-1]] if not p["forced"]]


def read_samples(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        for k in ("t_s", "live_heap_kib", "rss_kib", "threads", "fds"):
            r[k] = float(r[k]) if r.get(k) not in (None, "") else None
    return rows


def quarters(values):
    """First and last quarter (at least one value each) of an ordered list."""
    n = max(1, len(values) // 4)
    return values[:n], values[-n:]


def mib(kib):
    return kib / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gc-log", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--bench-json", required=True)
    ap.add_argument("--bench-exit", type=int, required=True)
    ap.add_argument("--server-alive", type=int, required=True, help="1 when the server survived the load")
    ap.add_argument("--expect-calls", type=int, default=0, help="calls requested (0: a --duration run)")
    ap.add_argument("--bound-mib", type=float, default=32.0)
    ap.add_argument("--clients", type=int, required=True, help="concurrent client connections")
    ap.add_argument("--title", default="load run")
    ap.add_argument("--markdown", help="also write the figures here")
    a = ap.parse_args()

    failures = []
    out = []

    def say(s=""):
        out.append(s)

    # bench
    bench = {}
    try:
        with open(a.bench_json, encoding="utf-8") as f:
            text = f.read().strip()
        bench = json.loads(text[text.index("{"):]) if "{" in text else {}
    except (OSError, ValueError) as e:
        failures.append(f"bench printed no JSON ({e})")
    calls = bench.get("calls")
    errors = bench.get("errors")
    say(f"## {a.title}")
    say()
    say("| figure | value |")
    say("|---|---|")
    say(f"| bench exit status | {a.bench_exit} |")
    say(f"| calls | {calls} |")
    say(f"| errors | {errors} |")
    for key in ("callsPerSecond", "durationSeconds", "connections", "inflight", "clientCpuSeconds", "firstError"):
        if key in bench:
            v = bench[key]
            say(f"| {key} | {round(v, 1) if isinstance(v, float) else v} |")
    lat = bench.get("latencyMicros")
    if isinstance(lat, dict):
        say("| latency µs | " + ", ".join(f"{k} {v}" for k, v in lat.items()) + " |")
    elif lat is not None:
        say(f"| latency µs | {lat} |")
    if a.bench_exit != 0:
        failures.append(f"bench exited {a.bench_exit}")
    if errors != 0:
        failures.append(f"bench reported errors={errors}")
    if a.expect_calls and calls != a.expect_calls:
        failures.append(f"bench made {calls} calls, {a.expect_calls} were requested")
    if not a.server_alive:
        failures.append("the server process died during the load")

    # GC
    pauses = parse_gc(a.gc_log)
    load = load_window(pauses)
    forced = [p for p in pauses if p["forced"]]
    kinds = {}
    for p in load:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    total_ms = sum(p["ms"] for p in load)
    max_ms = max((p["ms"] for p in load), default=0.0)
    say(f"| GC pauses during the load (not forced) | {len(load)} ({', '.join(f'{k}: {v}' for k, v in sorted(kinds.items())) or 'none'}) |")
    say(f"| GC pause total / max | {total_ms:.0f} ms / {max_ms:.1f} ms |")
    if load:
        say(f"| heap after GC, first / last natural pause | {load[0]['after']:.0f} MiB / {load[-1]['after']:.0f} MiB (capacity {load[-1]['cap']:.0f} MiB) |")
    say(f"| forced full GCs (sampler, jcmd GC.run) | {len(forced)}, {sum(p['ms'] for p in forced):.0f} ms in total |")

    # samples
    rows = read_samples(a.samples)
    before = [r for r in rows if r["phase"] == "idle-before" and r["live_heap_kib"] is not None]
    after = [r for r in rows if r["phase"] == "idle-after" and r["live_heap_kib"] is not None]
    loaded = [r for r in rows if r["phase"] == "load" and r["live_heap_kib"] is not None]
    bound_kib = a.bound_mib * 1024
    if before:
        say(f"| live heap, idle before the load | {mib(before[-1]['live_heap_kib']):.1f} MiB |")
    # Steady state: from the first to the last sample with (nearly) every client connected, judged by
    # the server's descriptors (one per connection), so the ramp-up and ramp-down are not compared
    # with it, while a descriptor leak (more than the clients) stays inside the window.
    base_fds = before[-1]["fds"] if before else 0
    need_fds = base_fds + 0.95 * a.clients
    full = [i for i, r in enumerate(loaded) if r["fds"] is not None and r["fds"] >= need_fds]
    steady = loaded[full[0]:full[-1] + 1] if full else []
    say(f"| load samples / steady-state (fds ≥ {need_fds:.0f}) | {len(loaded)} / {len(steady)} |")
    # Two samples are enough to compare (a quarter is then one sample); the 32 MiB bound absorbs
    # the noise of single samples, and the idle-after check does not depend on the count.
    if len(steady) < 2:
        failures.append(f"only {len(steady)} steady-state heap samples (2 needed): lengthen the run or shorten --sample")
    else:
        first, last = quarters(steady)
        h1 = statistics.median(r["live_heap_kib"] for r in first)
        h4 = statistics.median(r["live_heap_kib"] for r in last)
        say(f"| live heap under load, first / last quarter (median) | {mib(h1):.1f} MiB / {mib(h4):.1f} MiB "
            f"(bound +{a.bound_mib:.0f} MiB) |")
        if h4 > h1 + bound_kib:
            failures.append(f"heap not flat: live heap {mib(h1):.1f} MiB in the first quarter, {mib(h4):.1f} MiB "
                            f"in the last (bound +{a.bound_mib:.0f} MiB)")
        for key, label in (("rss_kib", "RSS"), ("threads", "threads"), ("fds", "open descriptors")):
            v1 = statistics.median(r[key] for r in first if r[key] is not None)
            v4 = statistics.median(r[key] for r in last if r[key] is not None)
            unit = " MiB" if key == "rss_kib" else ""
            conv = mib if key == "rss_kib" else (lambda x: x)
            say(f"| {label} under load, first / last quarter (median) | {conv(v1):.0f}{unit} / {conv(v4):.0f}{unit} |")
            # Descriptors: one per connection, fixed under a fixed load. Threads: the call pool
            # (up to 1,024, 60 s keep-alive) follows the calls in flight at once, so it may grow by
            # some tens; a leak of one per connection or per call would be >= 1,000.
            slack = 8 if key == "fds" else 64
            if key != "rss_kib" and v4 > v1 * 1.05 + slack:
                failures.append(f"{label} grew under load: {v1:.0f} -> {v4:.0f}")
    if after:
        say(f"| live heap, idle after the load | {mib(after[-1]['live_heap_kib']):.1f} MiB |")
        if before and after[-1]["live_heap_kib"] > before[-1]["live_heap_kib"] + bound_kib:
            failures.append(f"heap did not return: {mib(before[-1]['live_heap_kib']):.1f} MiB idle before, "
                            f"{mib(after[-1]['live_heap_kib']):.1f} MiB idle after (bound +{a.bound_mib:.0f} MiB)")
        say(f"| threads / fds, idle after the load | {after[-1]['threads']:.0f} / {after[-1]['fds']:.0f} |")
    rss = [r["rss_kib"] for r in rows if r["rss_kib"] is not None]
    if rss:
        say(f"| RSS min / max over the run | {mib(min(rss)):.0f} MiB / {mib(max(rss)):.0f} MiB |")
    say()
    say("Result: " + ("PASS" if not failures else "FAIL"))
    for f in failures:
        say(f"- FAIL: {f}")

    text = "\n".join(out)
    print(text)
    if a.markdown:
        with open(a.markdown, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
