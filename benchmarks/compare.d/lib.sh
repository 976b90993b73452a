# Helpers of benchmarks/compare: recording a measurement, starting/stopping `msrpc serve`,
# Samba's process list. Source it after interop/lib/common.sh; it runs nothing by itself.

# record NAME TIMEOUT CMD...: runs CMD (which prints one bench JSON object as its last stdout line)
# under `timeout`, stores the object as $RESULTS/NAME.json and the command line (passwords masked)
# in $RESULTS/commands.tsv. A failure or hang still leaves a JSON object with errors and
# firstError, so that the tables show it instead of a blank. Never fails the script.
record() {
  local name="$1" secs="$2"; shift 2
  local out="$WORK/$name.out" err="$WORK/$name.err" rc=0 t0=$SECONDS
  printf '%s\t%s\n' "$name" "$(mask_secrets "$*")" >> "$RESULTS/commands.tsv"
  log "measure $name: $(mask_secrets "$*" | cut -c1-220)"
  timeout -k 10 "$secs" "$@" > "$out" 2> "$err" < /dev/null || rc=$?
  printf '%s\t%s\n' "$name" "$((SECONDS - t0))" >> "$WORK/elapsed.tsv"
  if tail -n 1 "$out" | "$PY" -c 'import json,sys; json.loads(sys.stdin.read())' 2>/dev/null; then
    tail -n 1 "$out" > "$RESULTS/$name.json"
  else
    local why
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then why="timed out after ${secs} s"
    else why="exit $rc: $(tail -n 3 "$err" "$out" 2>/dev/null | tr '\n' ' ' | cut -c1-300)"; fi
    why="$(mask_secrets "$why")"
    "$PY" -c 'import json,sys; print(json.dumps({"errors": 1, "calls": 0, "callsPerSecond": 0, "firstError": sys.argv[1]}))' \
      "$why" > "$RESULTS/$name.json"
    log "  $name FAILED: $why"
    return 0
  fi
  "$PY" - "$RESULTS/$name.json" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1]))
lat = r.get("latencyMicros") or {}
extra = ""
if r.get("serverCpuMicrosPerCall") is not None:
    extra = f", server CPU {r['serverCpuMicrosPerCall']} us/call"
print(f"[bench]   {r.get('callsPerSecond', 0):,.0f} calls/s, {r.get('mbPerSecond', 0) or 0:,.1f} MB/s, "
      f"p50 {lat.get('p50', '?')} us, p99 {lat.get('p99', '?')} us, errors {r.get('errors')}{extra}",
      file=sys.stderr)
PYEOF
}

mask_secrets() {
  local s="$*"
  s="${s//$ALICE_PASSWORD/…}"
  s="${s//$DC_ADMIN_PASSWORD/…}"
  # Paths relative to the repository; the run's scratch directory as $WORK.
  s="${s//$WORK/\$WORK}"
  s="${s//$REPO\//}"
  printf '%s' "$s"
}

# Every process of the Samba DC (its private mount namespace), comma-separated: the server side of
# a Samba measurement is all of them (rpc workers, and the kdc/ldap processes that Kerberos and
# NTLM authentication touch). Listing them walks /proc (slow on a loaded machine), so the list is
# kept and walked again only when one of its processes has gone (a worker restarted).
SAMBA_PID_LIST=""
samba_pids() {
  local pid stale=0
  for pid in ${SAMBA_PID_LIST//,/ }; do kill -0 "$pid" 2>/dev/null || { stale=1; break; }; done
  if [ -z "$SAMBA_PID_LIST" ] || [ "$stale" = 1 ]; then
    SAMBA_PID_LIST="$("$INTEROP_HOME/samba-dc" status 2>/dev/null \
      | sed -n 's/^running: root pid [0-9]*; processes: //p' | tr ' ' ',' | sed 's/,$//')"
  fi
  printf '%s' "$SAMBA_PID_LIST"
}

# start_bench_serve NAME HOST JAVA_OPTS ARGS...: `msrpc serve` on HOST (free port, no endpoint
# mapper: every binding here names its port) with its log in $WORK/NAME.log; sets
# ${NAME}_PID and ${NAME}_PORT. Stopped by stop_all_serves (the EXIT trap).
SERVE_PIDS=()
start_bench_serve() {
  local name="$1" host="$2" jopts="$3"; shift 3
  local port; port="$(free_port "$host")"
  log "starting msrpc serve ($name) on $host:$port ${jopts:+(java $jopts) }$*"
  MSRPC_JAVA_OPTS="$jopts" "$MSRPC" serve --listen "$host:$port" --epm-port 0 "$@" \
    > "$WORK/$name.log" 2>&1 < /dev/null &
  local pid=$!
  SERVE_PIDS+=("$pid")
  if ! wait_port "$host" "$port" 90 "$pid"; then
    tail -n 30 "$WORK/$name.log" >&2
    die "msrpc serve ($name) did not start"
  fi
  # The launcher execs java, so $! is the JVM itself: its /proc/PID/stat is the server's CPU.
  printf -v "${name}_PID" '%s' "$pid"
  printf -v "${name}_PORT" '%s' "$port"
}

stop_serve_pid() {
  local pid="$1" i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 80; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  log "msrpc serve $pid ignored SIGTERM for 20 s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

stop_all_serves() {
  local pid
  for pid in "${SERVE_PIDS[@]}"; do stop_serve_pid "$pid"; done
  SERVE_PIDS=()
}

# True when item X was asked for (--only a,c) or no --only was given.
wanted() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }

# True when `msrpc bench` exists (a colleague builds it in parallel; until then the msrpc4j-client
# rows are reported as missing instead of failing the whole run).
have_bench() { [ "$HAVE_BENCH" = 1 ]; }
