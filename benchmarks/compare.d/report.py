"""Writes docs/benchmarks/README.md (one table per item, ratios against issue 8's targets, the
machine, the commands) and the plots from the JSON results of benchmarks/compare; prints the tables.

Usage: /usr/bin/python3 report.py RESULTS_DIR OUT_DIR
Every number comes from RESULTS_DIR/*.json of the same run; a missing or failed measurement is
shown as such (with its first error), never filled in.
"""
import glob
import json
import os
import sys

MIB = 1 << 20


def load(results_dir):
    out = {}
    for path in glob.glob(os.path.join(results_dir, "*.json")):
        name = os.path.basename(path)[:-5]
        try:
            with open(path) as f:
                out[name] = json.load(f)
        except ValueError as e:
            out[name] = {"errors": 1, "firstError": f"unreadable result: {e}"}
    return out


def ok(r):
    """A measurement that ran without errors (possibly with 0 calls: a very slow case counts as 0)."""
    return bool(r) and not r.get("errors") and "callsPerSecond" in r


def num(v, digits=0):
    if v is None:
        return "—"
    if digits == 0:
        return f"{v:,.0f}"
    return f"{v:,.{digits}f}"


def cps(r):
    return r.get("callsPerSecond") if ok(r) else None


def lat(r, key):
    return (r.get("latencyMicros") or {}).get(key) if ok(r) else None


def client_cpu_us(r):
    if not ok(r) or not r.get("clientCpuSeconds") or not r.get("calls"):
        return None
    return r["clientCpuSeconds"] * 1e6 / r["calls"]


def server_cpu_us(r):
    return r.get("serverCpuMicrosPerCall") if ok(r) else None


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def verdict(value, target, higher_is_better=True):
    if value is None:
        return "not measured"
    met = value >= target if higher_is_better else value <= target
    return "met" if met else "**not met**"


def rtxt(v):
    return "—" if v is None else f"{v:.2f}×"


def failure_notes(results, names):
    notes = []
    for n in names:
        r = results.get(n)
        if r is None:
            notes.append(f"- `{n}`: not measured in this run")
        elif not ok(r):
            notes.append(f"- `{n}`: failed — {r.get('firstError') or 'no calls'}")
        elif not r.get("calls"):
            notes.append(f"- `{n}`: no call completed within the {r.get('durationSeconds', '?')} s measured")
    return notes


class Report:
    """Collects the markdown of each item and the plots; one instance per run (not thread-safe)."""

    def __init__(self, results, out_dir):
        self.r = results
        self.out = out_dir
        self.sections = []
        self.plots = []
        self.summary = []
        try:
            import matplotlib
            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
            self.plt = plt
        except ImportError:
            self.plt = None

    def add(self, title, lines):
        self.sections.append((title, lines))

    def target(self, item, what, target, value, met):
        """One line of the summary: the issue's target, the measured ratio and the verdict."""
        self.summary.append(f"| {item} | {what} | {target} | {value} | {met} |")

    def bar_plot(self, filename, title, ylabel, groups, series, values, log=False):
        """Grouped bars: values[series][group] (None = missing)."""
        if self.plt is None:
            return None
        if not any(v is not None for s in values for v in s):
            return None
        plt = self.plt
        fig, ax = plt.subplots(figsize=(max(6, 1.3 * len(groups) + 2), 3.8), dpi=110)
        width = 0.8 / max(1, len(series))
        for i, (name, vals) in enumerate(zip(series, values)):
            xs = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
            ys = [v if v is not None else 0 for v in vals]
            bars = ax.bar(xs, ys, width, label=name)
            for b, v in zip(bars, vals):
                ax.annotate("n/a" if v is None else f"{v:,.0f}" if v >= 10 else f"{v:.2f}",
                            (b.get_x() + b.get_width() / 2, b.get_height()), ha="center", va="bottom",
                            fontsize=7)
        ax.set_xticks(range(len(groups)))
        ax.set_xticklabels(groups, fontsize=8)
        ax.set_ylabel(ylabel)
        ax.set_title(title, fontsize=10)
        if log:
            ax.set_yscale("log")
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(os.path.join(self.out, filename))
        plt.close(fig)
        self.plots.append(filename)
        return filename

    # ---- a ---------------------------------------------------------------------------------
    def item_a(self):
        rows = ["| auth | client processes | Samba DC calls/s | Samba server CPU µs/call | msrpc4j serve calls/s "
                "| msrpc4j server CPU µs/call | throughput ratio | server-CPU ratio (Samba µs / msrpc4j µs) "
                "| target ≥ 1.5× |",
                "|---|---|---|---|---|---|---|---|---|"]
        names, groups, s_cps, m_cps, s_cpu, m_cpu = [], [], [], [], [], []
        for auth in ("ntlm", "krb"):
            for p in (1, 4):
                s = self.r.get(f"a-samba-{auth}-p{p}")
                m = self.r.get(f"a-msrpc-{auth}-p{p}")
                names += [f"a-samba-{auth}-p{p}", f"a-msrpc-{auth}-p{p}"]
                tr = ratio(cps(m), cps(s))
                cr = ratio(server_cpu_us(s), server_cpu_us(m))
                # The verdict needs both: as many calls/s through the same client, and the server's
                # capacity (calls per CPU-second) when the client is the bottleneck.
                decisive = None if tr is None or cr is None else min(tr, cr)
                label = "NTLM" if auth == "ntlm" else "Kerberos"
                rows.append(f"| {label} | {p} | {num(cps(s))} | {num(server_cpu_us(s), 1)} | {num(cps(m))} "
                            f"| {num(server_cpu_us(m), 1)} | {rtxt(tr)} | {rtxt(cr)} | {verdict(decisive, 1.5)} |")
                self.target("a", f"server, {label}, {p} client process(es): min(throughput, server-CPU) ratio",
                            "≥ 1.5×", rtxt(decisive), verdict(decisive, 1.5))
                groups.append(f"{label} P={p}")
                s_cps.append(cps(s)); m_cps.append(cps(m))
                s_cpu.append(server_cpu_us(s)); m_cpu.append(server_cpu_us(m))
        p1 = self.bar_plot("a-server-calls.png", "a. mgmt is_server_listening, sealed, Samba Python client",
                           "calls/s", groups, ["Samba DC", "msrpc4j serve"], [s_cps, m_cps])
        p2 = self.bar_plot("a-server-cpu.png", "a. server CPU per call (lower is better)", "µs/call",
                           groups, ["Samba DC", "msrpc4j serve"], [s_cpu, m_cpu])
        lines = [
            "The same client (Samba's C library through `samba.dcerpc.mgmt`, `/usr/bin/python3`) calls "
            "`mgmt is_server_listening` on one sealed connection ([seal], PKT_PRIVACY) per process, "
            "against the Samba DC (127.0.0.1:135 / dc1.example.test:135) and against `msrpc serve` "
            "(127.0.77.1 / rpc1.example.test, NTLM accounts + the DC's keytab). P processes start "
            "calling at the same instant; the server's CPU time is read from `/proc/PID/stat` "
            "(utime+stime) at that instant and S seconds later — for Samba summed over every process of "
            "the DC (rpc workers, and the kdc/ldap processes), for msrpc4j the JVM (all its threads, "
            "GC and JIT included). The verdict takes the smaller of the two ratios.",
            "", *rows, ""]
        lines += [f"![{p}]({p})" for p in (p1, p2) if p]
        lines += failure_notes(self.r, names)
        self.add("a. Server: Samba DC vs msrpc4j serve (same Samba client)", lines)

    # ---- b, c ------------------------------------------------------------------------------
    def msrpc_client_rows(self):
        return sorted((k for k in self.r if k.startswith("b-msrpc-client-")),
                      key=lambda k: [int(x) for x in k.rsplit("-", 1)[1].split("x")])

    def best_msrpc_client(self):
        best = None
        for k in self.msrpc_client_rows():
            if ok(self.r[k]) and (best is None or cps(self.r[k]) > cps(self.r[best])):
                best = k
        return best

    def item_b(self):
        rows = ["| client | connections × in flight (processes) | calls/s | p50 µs | p99 µs | client CPU µs/call "
                "| Samba DC CPU µs/call |", "|---|---|---|---|---|---|---|"]
        for p in (1, 4):
            s = self.r.get(f"b-samba-client-p{p}")
            if s is None:
                continue
            rows.append(f"| Samba C client (Python bindings) | 1 × 1 ({p}) | {num(cps(s))} | {num(lat(s, 'p50'), 1)} "
                        f"| {num(lat(s, 'p99'), 1)} | {num(client_cpu_us(s), 1)} | {num(server_cpu_us(s), 1)} |")
        for k in self.msrpc_client_rows():
            m = self.r[k]
            c, i = k.rsplit("-", 1)[1].split("x")
            rows.append(f"| msrpc4j `msrpc bench` | {c} × {i} (1) | {num(cps(m))} | {num(lat(m, 'p50'), 1)} "
                        f"| {num(lat(m, 'p99'), 1)} | {num(client_cpu_us(m), 1)} | {num(server_cpu_us(m), 1)} |")
        s1 = self.r.get("b-samba-client-p1")
        s4 = self.r.get("b-samba-client-p4")
        m1 = self.r.get("b-msrpc-client-1x1")
        best = self.best_msrpc_client()
        mb = self.r.get(best) if best else None
        best_samba = max((x for x in (s1, s4) if ok(x)), key=cps, default=None)
        r1 = ratio(cps(m1), cps(s1))
        rb = ratio(cps(mb), cps(best_samba))
        rc = ratio(client_cpu_us(s1), client_cpu_us(m1))
        rows2 = ["| comparison | ratio | target ≥ 1.0× |", "|---|---|---|",
                 f"| calls/s, one connection, one call at a time (msrpc4j 1×1 / Samba P=1) | {rtxt(r1)} | {verdict(r1, 1.0)} |",
                 f"| calls/s, best configuration of each ({best.rsplit('-', 1)[1] if best else '—'} / Samba "
                 f"P={best_samba.get('processes') if best_samba else '—'}) | {rtxt(rb)} | {verdict(rb, 1.0)} |",
                 f"| client CPU per call (Samba µs / msrpc4j µs, 1×1 vs P=1) | {rtxt(rc)} | {verdict(rc, 1.0)} |"]
        self.target("b", "client calls/s vs Samba C client, 1 connection 1×1", "≥ 1.0×", rtxt(r1), verdict(r1, 1.0))
        self.target("b", "client calls/s vs Samba C client, best of each", "≥ 1.0×", rtxt(rb), verdict(rb, 1.0))
        self.target("b", "client CPU per call vs Samba C client (Samba µs / msrpc4j µs)", "≥ 1.0×", rtxt(rc),
                    verdict(rc, 1.0))
        groups = ["Samba P=1", "Samba P=4"] + [f"msrpc4j {k.rsplit('-', 1)[1]}" for k in self.msrpc_client_rows()]
        vals = [cps(s1), cps(s4)] + [cps(self.r[k]) for k in self.msrpc_client_rows()]
        p = self.bar_plot("b-client-calls.png", "b. clients against the Samba DC, mgmt, sealed NTLM", "calls/s",
                          groups, ["calls/s"], [vals])
        lines = [
            "Call: `mgmt is_server_listening` (opnum 2) on the Samba DC's port 135, NTLM, PKT_PRIVACY — "
            "`msrpc bench --op mgmt` has no samr operation, and the same call is used by every client of "
            "b and c. Samba's C client is driven from Python (one connection per process, calls in a "
            "loop); `msrpc bench` runs N connections with M calls in flight each. Client CPU: for the "
            "Python loop `time.process_time()` over the measured loop (connect excluded); for `msrpc bench` "
            "its reported `clientCpuSeconds` (the JVM's, JIT and GC included). The Samba DC's CPU per call "
            "is known only for the barrier-started Python clients (sampled over exactly the measured "
            "window); around a `msrpc bench` run it would include the bench's warm-up and setup.",
            "", *rows, "", *rows2, ""]
        if p:
            lines.append(f"![{p}]({p})")
        lines += failure_notes(self.r, ["b-samba-client-p1", "b-msrpc-client-1x1"])
        self.add("b. Client: msrpc4j vs Samba's C client (against the Samba DC)", lines)

    def item_c(self):
        imp = self.r.get("c-impacket-p1")
        m1 = self.r.get("b-msrpc-client-1x1")
        best = self.best_msrpc_client()
        mb = self.r.get(best) if best else None
        rows = ["| client | calls/s | p50 µs | p99 µs | client CPU µs/call |", "|---|---|---|---|---|"]
        for label, x in (("Impacket (`impacket.dcerpc.v5.mgmt`, RPC_C_AUTHN_LEVEL_PKT_PRIVACY, NTLM)", imp),
                         ("msrpc4j 1 × 1", m1), (f"msrpc4j best ({best.rsplit('-', 1)[1] if best else '—'})", mb)):
            if x is not None:
                rows.append(f"| {label} | {num(cps(x))} | {num(lat(x, 'p50'), 1)} | {num(lat(x, 'p99'), 1)} "
                            f"| {num(client_cpu_us(x), 1)} |")
        r1 = ratio(cps(m1), cps(imp))
        rb = ratio(cps(mb), cps(imp))
        rows += ["", "| comparison | ratio | target ≥ 20× |", "|---|---|---|",
                 f"| msrpc4j 1×1 / Impacket (one connection each, one call at a time) | {rtxt(r1)} | {verdict(r1, 20)} |",
                 f"| msrpc4j best / Impacket | {rtxt(rb)} | {verdict(rb, 20)} |"]
        self.target("c", "client calls/s vs Impacket, 1×1", "≥ 20×", rtxt(r1), verdict(r1, 20))
        self.target("c", "client calls/s vs Impacket, msrpc4j best", "≥ 20×", rtxt(rb), verdict(rb, 20))
        p = self.bar_plot("c-impacket.png", "c. Impacket vs msrpc4j, mgmt on the Samba DC, sealed", "calls/s (log)",
                          ["Impacket", "msrpc4j 1x1", "msrpc4j best"], ["calls/s"], [[cps(imp), cps(m1), cps(mb)]],
                          log=True)
        lines = ["Same server (Samba DC, port 135) and call (`mgmt is_server_listening`) as b.", "", *rows, ""]
        if p:
            lines.append(f"![{p}]({p})")
        lines += failure_notes(self.r, ["c-impacket-p1", "b-msrpc-client-1x1"])
        self.add("c. Client: msrpc4j vs Impacket", lines)

    # ---- d ---------------------------------------------------------------------------------
    def item_d(self):
        rows = ["| payload | connections × in flight | gRPC calls/s | gRPC MB/s | gRPC p50 / p99 µs | msrpc4j calls/s "
                "| msrpc4j MB/s | msrpc4j p50 / p99 µs | ratio (calls/s) | target ≥ 1.0× |",
                "|---|---|---|---|---|---|---|---|---|---|"]
        names, groups, gv, mv = [], [], [], []
        for size in (1024, 65536):
            for cfg in ("1x1", "1x16", "64x16"):
                g = self.r.get(f"d-grpc-{size}-{cfg}")
                m = self.r.get(f"d-msrpc-{size}-{cfg}")
                if g is None and m is None:
                    continue  # not part of this run (--quick measures fewer configurations)
                names += [f"d-grpc-{size}-{cfg}", f"d-msrpc-{size}-{cfg}"]
                rr = ratio(cps(m), cps(g))
                c, i = cfg.split("x")
                g_mb = cps(g) * size / 1e6 if cps(g) is not None else None
                m_mb = cps(m) * size / 1e6 if cps(m) is not None else None
                rows.append(f"| {size // 1024} KiB | {c} × {i} | {num(cps(g))} | {num(g_mb, 1)} "
                            f"| {num(lat(g, 'p50'), 1)} / {num(lat(g, 'p99'), 1)} | {num(cps(m))} "
                            f"| {num(m_mb, 1)} | {num(lat(m, 'p50'), 1)} / "
                            f"{num(lat(m, 'p99'), 1)} | {rtxt(rr)} | {verdict(rr, 1.0)} |")
                self.target("d", f"vs gRPC-java TLS, {size // 1024} KiB, {c}×{i}", "≥ 1.0×", rtxt(rr), verdict(rr, 1.0))
                groups.append(f"{size // 1024}K {cfg}")
                gv.append(cps(g)); mv.append(cps(m))
        p = self.bar_plot("d-grpc.png", "d. gRPC-java TLS unary echo vs msrpc4j EchoData (NTLM, privacy)",
                          "calls/s", groups, ["gRPC-java TLS", "msrpc4j PKT_PRIVACY"], [gv, mv])
        lines = ["`benchmarks/grpc/run-grpc-bench SIZE CONNECTIONS INFLIGHT SECONDS` (gRPC-java, TLS, unary "
                 "echo of SIZE bytes) vs `msrpc bench --op echodata:SIZE` against `msrpc serve` at PKT_PRIVACY "
                 "with NTLM; the same payloads, connections and calls in flight, the same unmeasured warm-up. "
                 "MB/s here = calls/s × payload (one direction; the tools' own `mbPerSecond` fields count "
                 "bytes differently), so both columns are comparable.",
                 "", *rows, ""]
        if p:
            lines.append(f"![{p}]({p})")
        lines += failure_notes(self.r, names)
        self.add("d. msrpc4j vs gRPC-java", lines)

    # ---- e ---------------------------------------------------------------------------------
    def item_e(self):
        lim = self.r.get("e-cipher-limit") or {}
        rc4 = lim.get("rc4_hmac_md5_mbps")
        aes = lim.get("aes256_cts_hmac_sha1_mbps")
        rows = ["| op (1 MiB) | auth | calls/s | payload MB/s | crypto passes per call, each side "
                "| crypto MB/s per side | JDK single-core limit MB/s | ratio | target ≥ 80% |",
                "|---|---|---|---|---|---|---|---|---|"]
        names, groups, vals = [], [], []
        for op, passes in (("echodata", 2), ("sinkdata", 1)):
            for auth, limit, alg in (("ntlm", rc4, "RC4+HMAC-MD5"), ("krb", aes, "AES256-CTS+HMAC-SHA1")):
                m = self.r.get(f"e-msrpc-{op}-{auth}")
                names.append(f"e-msrpc-{op}-{auth}")
                payload = cps(m) * MIB / 1e6 if cps(m) is not None else None
                per_side = payload * passes if payload is not None else None
                rr = ratio(per_side, limit)
                rows.append(f"| {op} | {'NTLM' if auth == 'ntlm' else 'Kerberos'} ({alg}) | {num(cps(m), 1)} "
                            f"| {num(payload, 1)} | {passes} | {num(per_side, 1)} | {num(limit, 1)} "
                            f"| {'—' if rr is None else f'{rr * 100:.0f}%'} | {verdict(rr, 0.8)} |")
                self.target("e", f"{op} 1 MiB, {'NTLM' if auth == 'ntlm' else 'Kerberos'}: crypto MB/s per side / "
                            "JDK single-core limit", "≥ 80%", "—" if rr is None else f"{rr * 100:.0f}%", verdict(rr, 0.8))
                groups.append(f"{op} {'NTLM' if auth == 'ntlm' else 'Krb'}")
                vals.append(None if rr is None else rr * 100)
        p = self.bar_plot("e-bulk.png", "e. sealed bulk: crypto MB/s per side as % of the JDK single-core limit",
                          "% of limit", groups, ["msrpc4j"], [vals])
        lines = [
            f"JDK limit measured in this run by `CipherLimit` (one thread, 1 MiB, cipher + MAC pass with "
            f"keyed instances, in place): RC4+HMAC-MD5 {num(rc4, 1)} MB/s (NTLM sealing), "
            f"AES256-CTS+HMAC-SHA1 {num(aes, 1)} MB/s (Kerberos wrap). msrpc4j: one connection, one call in "
            "flight, `msrpc bench --op echodata:1048576|sinkdata:1048576` against `msrpc serve` "
            "(Kerberos: alice's ticket for host/rpc1.example.test, AES256).",
            "",
            "How the ratio is counted: payload MB/s = calls/s × 1 MiB (one direction). EchoData costs each "
            "side 2 cipher+MAC passes per call (client: seal request, unseal response; server: unseal "
            "request, seal response); SinkData costs each side 1. Client and server each have one of the "
            "machine's 2 cores, so each side's ceiling is the single-core limit: ratio = payload MB/s × "
            "passes per side / limit. Each side also runs NDR, copying and framing, which the limit excludes.",
            "", *rows, ""]
        if p:
            lines.append(f"![{p}]({p})")
        lines += failure_notes(self.r, names)
        if not lim or lim.get("errors"):
            lines.append(f"- `e-cipher-limit`: {lim.get('firstError', 'not measured in this run')}")
        self.add("e. Bulk sealed throughput vs the JDK cipher+MAC limit", lines)

    # ---- f ---------------------------------------------------------------------------------
    def item_f(self):
        rows = ["| auth | concurrent connectors | Samba DC connections/s | Samba CPU µs/connection "
                "| msrpc4j serve connections/s | msrpc4j CPU µs/connection | ratio | target ≥ 2× |",
                "|---|---|---|---|---|---|---|---|"]
        names, groups, sv, mv = [], [], [], []
        for auth in ("ntlm", "krb"):
            for c in (1, 4):
                s = self.r.get(f"f-samba-{auth}-c{c}")
                m = self.r.get(f"f-msrpc-{auth}-c{c}")
                if s is None and m is None:
                    continue  # not part of this run (--quick measures fewer configurations)
                names += [f"f-samba-{auth}-c{c}", f"f-msrpc-{auth}-c{c}"]
                rr = ratio(cps(m), cps(s))
                label = "NTLM" if auth == "ntlm" else "Kerberos (cached TGT)"
                rows.append(f"| {label} | {c} | {num(cps(s), 1)} | {num(server_cpu_us(s))} | {num(cps(m), 1)} "
                            f"| {num(server_cpu_us(m))} | {rtxt(rr)} | {verdict(rr, 2.0)} |")
                self.target("f", f"new connections/s vs Samba DC, {label}, {c} connector(s)", "≥ 2×", rtxt(rr),
                            verdict(rr, 2.0))
                groups.append(f"{'NTLM' if auth == 'ntlm' else 'Krb'} c={c}")
                sv.append(cps(s)); mv.append(cps(m))
        p = self.bar_plot("f-connections.png", "f. new authenticated connections per second (msrpc4j client)",
                          "connections/s", groups, ["Samba DC", "msrpc4j serve"], [sv, mv])
        lines = ["`msrpc bench --op mgmt --new-connections`: each call on a new TCP connection with a full "
                 "bind + authentication (NTLM three legs, or Kerberos AP-REQ from alice's cached TGT — "
                 "service tickets are fetched by the client as it needs them) at PKT_PRIVACY, then one mgmt "
                 "call; the same msrpc4j client against both servers. Server CPU per connection is shown only "
                 "when it was sampled over exactly the measured period (not around a `msrpc bench` run, "
                 "whose warm-up and setup would be counted too).",
                 "", *rows, ""]
        if p:
            lines.append(f"![{p}]({p})")
        lines += failure_notes(self.r, names)
        self.add("f. New authenticated connections per second", lines)

    # ---- g ---------------------------------------------------------------------------------
    def item_g(self):
        key = next((k for k in self.r if k.startswith("g-msrpc-idle")), None)
        m = self.r.get(key) if key else None
        before = self.r.get("g-memory-before") or {}
        loaded = self.r.get("g-memory-loaded") or {}
        heap = loaded.get("heapUsedAfterGcMiB")
        rows = ["| measure | value |", "|---|---|",
                f"| idle authenticated connections asked / held (bench `idleConnected`) | "
                f"{(m or {}).get('idleConnections', '—')} / {(m or {}).get('idleConnected', '—')} |",
                f"| active clients (connections, 1 call in flight each) | {(m or {}).get('connections', '—')} |",
                f"| established connections at the server when sampled | {loaded.get('connectionsAtSample', '—')} |",
                f"| seconds until every connection was up | {loaded.get('secondsToConnect', '—')} |",
                f"| server heap used after full GC: idle server / loaded | {num(before.get('heapUsedAfterGcMiB'), 1)} MiB "
                f"/ {num(heap, 1)} MiB |",
                f"| server heap committed (loaded) | {num(loaded.get('heapCommittedMiB'), 1)} MiB |",
                f"| server RSS: idle / loaded (before GC) / loaded (after GC) | {num(before.get('rssMiB'), 1)} / "
                f"{num(loaded.get('rssMiBBeforeGc'), 1)} / {num(loaded.get('rssMiB'), 1)} MiB |",
                f"| addone calls/s (1,000 active) | {num(cps(m))} |",
                f"| addone latency p50 / p99 / p99.9 / max µs | {num(lat(m, 'p50'), 1)} / {num(lat(m, 'p99'), 1)} / "
                f"{num(lat(m, 'p999'), 1)} / {num(lat(m, 'max'), 1)} |",
                f"| errors | {(m or {}).get('errors', '—')} |",
                f"| target: fits in 1 GiB of heap (serve -Xmx1g, no errors) | "
                f"{verdict(None if heap is None or not ok(m) else heap, 1024, higher_is_better=False)} |"]
        gv = verdict(None if heap is None or not ok(m) else heap, 1024, higher_is_better=False)
        self.target("g", "heap after GC with 10,000 idle + 1,000 active connections (serve -Xmx1g, 0 errors); "
                    f"addone p99 {num(lat(m, 'p99'), 1)} µs", "≤ 1024 MiB", f"{num(heap, 1)} MiB", gv)
        lines = ["`msrpc serve` started with `-Xmx1g` (NTLM accounts) on 127.0.78.1; one `msrpc bench` holds "
                 "10,000 idle authenticated (NTLM, PKT_PRIVACY) connections and drives `addone` on 1,000 more "
                 "connections; once the server holds them all, `jcmd PID GC.run` + `GC.heap_info` and "
                 "`/proc/PID/status` VmRSS are read. Both ends share this 2-core machine.", "", *rows, ""]
        if m is not None and not ok(m):
            lines.append(f"- load failed: {m.get('firstError')}")
        if loaded.get("error") or loaded.get("heapInfo"):
            lines.append(f"- memory sample: {loaded.get('error') or loaded.get('heapInfo')}")
        if key is None:
            lines.append("- not measured in this run")
        self.add("g. 10,000 idle authenticated connections + 1,000 active", lines)


def machine_section(machine, commands):
    java = "; ".join(machine.get("java", [])) if isinstance(machine.get("java"), list) else machine.get("java")
    lines = [
        f"- date: {machine.get('date')}; msrpc4j commit {machine.get('msrpc4jCommit')}"
        f"{' (with uncommitted changes in the working tree)' if machine.get('msrpc4jDirty') else ''}",
        f"- CPU: {machine.get('cpuModel')}, {machine.get('cpus')} logical CPUs "
        f"({machine.get('threadsPerCore')} thread(s) per core); RAM {machine.get('memGiB')} GiB",
        f"- OS: {machine.get('os')}, kernel {machine.get('kernel')}",
        f"- Java: {java}",
        f"- Samba: {machine.get('samba')}; Impacket {machine.get('impacket')}; Python {machine.get('python')}",
        f"- load average at start: {' '.join(machine.get('loadAverageAtStart', []))}; "
        f"{machine.get('secondsPerMeasurement')} s per measurement{' (--quick)' if machine.get('quick') else ''}; "
        f"items {machine.get('items')}; whole run {machine.get('wallSeconds', '?')} s",
    ]
    runs = machine.get("itemRuns") or {}
    if len(set(runs.values())) > 1:
        by_date = {}
        for item, date in runs.items():
            by_date.setdefault(date, []).append(item)
        lines.append("- items by run (`--only` replaces only the items it names): "
                     + "; ".join(f"{','.join(items)} on {date}" for date, items in sorted(by_date.items())))
    cmd_lines = ["| result | command |", "|---|---|"]
    for name, cmd in commands:
        cmd_lines.append(f"| `{name}` | `{cmd.replace('|', '&#124;')}` |")
    return lines, cmd_lines


def main():
    results_dir, out_dir = sys.argv[1], sys.argv[2]
    results = load(results_dir)
    machine = results.pop("machine", {})
    commands = []
    tsv = os.path.join(results_dir, "commands.tsv")
    if os.path.exists(tsv):
        with open(tsv) as f:
            for line in f:
                name, _, cmd = line.rstrip("\n").partition("\t")
                cmd = cmd.replace(os.path.dirname(os.path.dirname(out_dir.rstrip("/"))) + "/", "")
                commands.append((name, cmd))
    rep = Report(results, out_dir)
    rep.item_a(); rep.item_b(); rep.item_c(); rep.item_d(); rep.item_e(); rep.item_f(); rep.item_g()
    mlines, cmd_lines = machine_section(machine, commands)
    provisional = machine.get("quick") or len(set((machine.get("itemRuns") or {}).values())) > 1
    doc = ["# Benchmarks: msrpc4j vs Samba, Impacket and gRPC-java", "",
           "Written by `benchmarks/compare` (issue 8): every figure below comes from a run on the "
           "machine described here (one run, unless the machine section names an earlier one for some items), "
           "all peers on loopback, raw results in [results/](results/). "
           "Benchmarks are not tests: nothing asserts a time.", ""]
    if provisional:
        doc += ["> **Provisional**: a --quick or partial run (short measurements), on a machine shared with "
                "other builds; the authoritative figures come from a full run (`benchmarks/compare`) on a "
                "quiet machine.", ""]
    doc += ["## Targets (issue 8) in this run", "", "| item | measure | target | measured | verdict |",
            "|---|---|---|---|---|", *rep.summary, "",
            "## Machine and run", "", *mlines, "",
            "Reproduce: `benchmarks/compare` (full, ~15 min), `benchmarks/compare --quick` (~5 min), "
            "`--only a,c` for some items. As root on Debian 12; it installs its peers.", ""]
    printed = ["== Targets", *rep.summary, ""]
    for title, lines in rep.sections:
        doc += [f"## {title}", "", *lines, ""]
        printed += [f"== {title}", *[l for l in lines if l.startswith("|")], ""]
    doc += ["## Commands of this run", "", "Passwords are shown as `…`; `$WORK` is the run's scratch "
            "directory (the jar snapshot, logs).", "", *cmd_lines, ""]
    with open(os.path.join(out_dir, "README.md"), "w") as f:
        f.write("\n".join(doc))
    print("\n".join(printed))


if __name__ == "__main__":
    main()
