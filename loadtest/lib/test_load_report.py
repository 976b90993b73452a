#!/usr/bin/env python3
"""Checks that load_report.py fails the runs it must fail: a growing live heap, a heap that does not
come back, errors, a short call count, a dead server, growing descriptors; and passes a flat run.
Run: python3 loadtest/lib/test_load_report.py"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
GC = """[0.900s][info][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)
[0.950s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 14M->3M(512M) 18.002ms
[5.000s][info][gc          ] GC(1) Pause Full (Diagnostic Command) 12M->4M(512M) 35.377ms
[6.000s][info][gc          ] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 200M->60M(512M) 12.500ms
[7.000s][info][gc          ] GC(3) Pause Young (Concurrent Start) (G1 Humongous Allocation) 210M->61M(512M) 20.000ms
[7.100s][info][gc          ] GC(3) Pause Remark 70M->70M(512M) 3.000ms
[9.000s][info][gc          ] GC(4) Pause Full (Diagnostic Command) 80M->5M(512M) 40.000ms
"""


def samples(load_heaps_mib, after_mib=5.0, fds=None, threads=None):
    rows = ["t_s,phase,live_heap_kib,rss_kib,threads,fds", "1.0,idle-before,4096,90000,22,19"]
    for i, h in enumerate(load_heaps_mib):
        f = fds[i] if fds else 2020
        t = threads[i] if threads else 1040
        rows.append(f"{2 + i},load,{int(h * 1024)},400000,{t},{f}")
    rows.append(f"{3 + len(load_heaps_mib)},idle-after,{int(after_mib * 1024)},300000,30,20")
    return "\n".join(rows) + "\n"


class LoadReportTest(unittest.TestCase):
    def run_report(self, csv_text, bench=None, bench_exit=0, alive=1, expect=100000, gc=GC):
        bench = bench if bench is not None else {"calls": 100000, "errors": 0, "callsPerSecond": 9000.0,
                                                 "latencyMicros": {"p50": 100, "p99": 900}}
        with tempfile.TemporaryDirectory() as d:
            paths = {n: os.path.join(d, n) for n in ("gc.log", "s.csv", "b.json")}
            for n, text in (("gc.log", gc), ("s.csv", csv_text), ("b.json", json.dumps(bench))):
                with open(paths[n], "w", encoding="utf-8") as f:
                    f.write(text)
            p = subprocess.run([sys.executable, os.path.join(HERE, "load_report.py"), "--gc-log", paths["gc.log"],
                                "--samples", paths["s.csv"], "--bench-json", paths["b.json"],
                                "--bench-exit", str(bench_exit), "--server-alive", str(alive),
                                "--expect-calls", str(expect), "--bound-mib", "32", "--clients", "2000"],
                               capture_output=True, text=True, check=False)
            return p.returncode, p.stdout

    def test_flat_run_passes_and_reports_gc_figures(self):
        code, out = self.run_report(samples([60, 70, 65, 62, 68, 64, 66, 63]))
        self.assertEqual(code, 0, out)
        # Natural pauses between the two forced ones only: GC(2), GC(3) young and the remark.
        self.assertIn("| GC pauses during the load (not forced) | 3 (Pause Remark: 1, Pause Young: 2) |", out)
        self.assertIn("| GC pause total / max | 36 ms / 20.0 ms |", out)
        self.assertIn("60 MiB / 70 MiB", out)

    def test_growing_live_heap_fails(self):
        code, out = self.run_report(samples([60, 70, 80, 90, 100, 110, 120, 130]))
        self.assertEqual(code, 1, out)
        self.assertIn("heap not flat", out)

    def test_growth_within_the_bound_passes(self):
        code, out = self.run_report(samples([60, 62, 70, 75, 80, 85, 88, 90]))
        self.assertEqual(code, 0, out)

    def test_heap_that_does_not_come_back_fails(self):
        code, out = self.run_report(samples([60] * 8, after_mib=50))
        self.assertEqual(code, 1, out)
        self.assertIn("heap did not return", out)

    def test_ramp_up_samples_are_not_compared(self):
        # Connections still opening (fds low, heap lower) are not the first quarter.
        heaps = [10, 30, 60, 61, 60, 62, 61, 60, 62, 61]
        fds = [300, 900, 2020, 2020, 2019, 2020, 2020, 2020, 2020, 2020]
        code, out = self.run_report(samples(heaps, fds=fds))
        self.assertEqual(code, 0, out)

    def test_growing_descriptors_fail(self):
        fds = [2000, 2000, 2100, 2200, 2300, 2400, 2500, 2600]
        code, out = self.run_report(samples([60] * 8, fds=fds))
        self.assertEqual(code, 1, out)
        self.assertIn("open descriptors grew", out)

    def test_pool_growth_passes_thread_leak_fails(self):
        code, out = self.run_report(samples([60] * 8, threads=[47, 50, 55, 60, 62, 64, 66, 66]))
        self.assertEqual(code, 0, out)
        code, out = self.run_report(samples([60] * 8, threads=[47, 200, 400, 600, 800, 1000, 1200, 1400]))
        self.assertEqual(code, 1, out)
        self.assertIn("threads grew", out)

    def test_errors_short_count_exit_status_and_dead_server_fail(self):
        flat = samples([60] * 8)
        for kwargs, reason in (
                ({"bench": {"calls": 100000, "errors": 3}}, "errors=3"),
                ({"bench": {"calls": 99000, "errors": 0}}, "99000 calls, 100000 were requested"),
                ({"bench_exit": 1}, "bench exited 1"),
                ({"alive": 0}, "server process died"),
                ({"bench": {}}, "errors=None")):
            code, out = self.run_report(flat, **kwargs)
            self.assertEqual(code, 1, out)
            self.assertIn(reason, out)

    def test_too_few_samples_fail(self):
        code, out = self.run_report(samples([60]))
        self.assertEqual(code, 1, out)
        self.assertIn("steady-state heap samples", out)


if __name__ == "__main__":
    unittest.main()
