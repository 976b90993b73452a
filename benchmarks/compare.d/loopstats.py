"""Latency bookkeeping and the bench JSON object shared by the Python client loops.

The loops print the same JSON object as `./msrpc bench --json`, so that the table writer reads
every tool's result the same way. Not thread-safe: one Recorder per loop.
"""
import glob
import json
import os
import time


class Recorder:
    """Collects per-call latencies (ns) and errors of one client loop."""

    def __init__(self):
        self.latencies_ns = []
        self.errors = 0
        self.first_error = None
        self.started = None
        self.finished = None
        self.cpu_started = None
        self.cpu_finished = None
        self.late_seconds = 0.0

    def start(self):
        self.started = time.perf_counter()
        # Client CPU of this process over the measured loop only (connection setup excluded),
        # comparable with the work a call costs rather than with interpreter start-up.
        self.cpu_started = time.process_time()

    def finish(self):
        self.finished = time.perf_counter()
        self.cpu_finished = time.process_time()

    def call(self, fn):
        t0 = time.perf_counter_ns()
        try:
            fn()
        except Exception as e:  # every failure counts; the first one is reported
            self.errors += 1
            if self.first_error is None:
                self.first_error = f"{type(e).__name__}: {e}"
            return False
        self.latencies_ns.append(time.perf_counter_ns() - t0)
        return True

    def as_json(self, **fields):
        lat = sorted(self.latencies_ns)
        duration = max(self.finished - self.started, 1e-9)
        calls = len(lat)

        def pct(p):
            if not lat:
                return 0
            return round(lat[min(len(lat) - 1, int(p * len(lat)))] / 1000.0, 1)

        out = {
            "connections": 1, "inflight": 1, "newConnections": False,
            "idleConnections": 0, "idleConnected": 0,
            "calls": calls, "errors": self.errors, "firstError": self.first_error,
            "durationSeconds": round(duration, 3),
            "callsPerSecond": round(calls / duration, 1),
            "mbPerSecond": 0.0,
            "latencyMicros": {"p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99),
                              "p999": pct(0.999), "max": pct(1.0)},
            "clientCpuSeconds": round(self.cpu_finished - self.cpu_started, 3),
            "lateStartSeconds": round(self.late_seconds, 3),
        }
        out.update(fields)
        return json.dumps(out)


def wait_until(start_at):
    """Sleeps until the wall-clock time start_at (epoch seconds), so parallel loops start together."""
    if start_at:
        delay = start_at - time.time()
        if delay > 0:
            time.sleep(delay)


def wait_for_go(start_file, timeout=300.0):
    """The start barrier of parallel.py: says "ready" (START_FILE.ready.PID), waits until
    START_FILE exists, and returns the common start time (epoch seconds) written in it."""
    open(f"{start_file}.ready.{os.getpid()}", "w").close()
    deadline = time.time() + timeout
    while not os.path.exists(start_file):
        if time.time() > deadline:
            raise TimeoutError(f"no start signal in {timeout:.0f} s")
        time.sleep(0.005)
    with open(start_file) as f:
        start_at = float(f.read().strip())
    wait_until(start_at)
    return start_at


def ready_count(start_file):
    return len(glob.glob(glob.escape(start_file) + ".ready.*"))


def loop(recorder, fn, seconds, calls, start_at=0):
    """Calls fn until `seconds` elapsed or `calls` calls were made (whichever is given).

    With start_at (epoch seconds) the loop ends at start_at + seconds, not `seconds` after it
    began: a copy that connected late makes fewer calls, but every call it makes falls inside
    the window in which parallel.py samples the server's CPU.
    """
    recorder.start()
    if seconds and start_at:
        recorder.late_seconds = max(0.0, time.time() - start_at)
        deadline = time.perf_counter() + (start_at + seconds - time.time())
    else:
        deadline = time.perf_counter() + seconds if seconds else None
    n = 0
    while True:
        if calls and n >= calls:
            break
        if deadline is not None and time.perf_counter() >= deadline:
            break
        recorder.call(fn)
        n += 1
    recorder.finish()
