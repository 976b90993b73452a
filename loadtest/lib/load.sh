# Shared by loadtest/run-load and loadtest/soak: a snapshot of the CLI jar, `msrpc serve` in its own
# JVM with a fixed heap and a GC log, a sampler of its live heap/RSS/threads/descriptors, and bench.
# Source it; it sets `set -euo pipefail` callers rely on.
#
#   lt_init NAME              work directory $LT_DIR (loadtest/target/NAME-<time>, or $LOADTEST_OUT)
#   lt_snapshot_jar           builds the CLI when stale (./msrpc) and copies its jar to $LT_DIR, so that
#                             other people's rebuilds during a long run cannot change what runs
#                             ($LOADTEST_JAR: copy that jar instead of building)
#   lt_start_server LEVEL     ./msrpc serve on 127.0.0.1, NTLM accounts, --min-level LEVEL; sets
#                             LT_SERVER_PID, LT_PORT, LT_BINDING (with LT_LEAK_BYTES set: the
#                             negative control lib/LeakingEchoServer.java instead)
#   lt_sample PHASE           one CSV row: forces a full GC (jcmd GC.run) and records the live heap,
#                             RSS, threads and open descriptors of the server
#   lt_sampler_start SECONDS  lt_sample load every SECONDS in the background; lt_sampler_stop ends it
#   lt_bench ARGS...          ./msrpc bench against the server at LT_LEVEL; JSON to $LT_DIR/bench.json,
#                             sets LT_BENCH_EXIT
#   lt_stop_server            SIGTERM (drain), SIGKILL after 20 s
set -euo pipefail

LT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LT_REPO="$(cd "$LT_HOME/.." && pwd)"
LT_SERVER_HEAP="${LOADTEST_SERVER_HEAP:-512m}"
LT_CLIENT_HEAP="${LOADTEST_CLIENT_HEAP:-1g}"
LT_USER='EXAMPLE/alice%Alic3Pass!x'
LT_SERVER_PID=""
LT_SAMPLER_PID=""
LT_T0="$(date +%s.%N)"

lt_log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
lt_die() { lt_log "ERROR: $*"; exit 2; }

lt_init() {
  LT_DIR="${LOADTEST_OUT:-$LT_HOME/target/$1-$(date -u +%Y%m%dT%H%M%SZ)}"
  mkdir -p "$LT_DIR"
  LT_CSV="$LT_DIR/samples.csv"
  echo "t_s,phase,live_heap_kib,rss_kib,threads,fds" > "$LT_CSV"
  trap lt_cleanup EXIT
  trap 'exit 130' INT TERM
  # Each client connection is a descriptor on both sides; 1,000 clients need ~2,100 in each JVM.
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  [ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 4096 ] \
    || lt_die "ulimit -n is $(ulimit -n) (hard $(ulimit -Hn)); 1,000 clients need at least 4096"
  command -v jcmd >/dev/null || lt_die "jcmd (JDK 17) is needed to sample the server's heap"
  command -v python3 >/dev/null || lt_die "python3 is needed for the report"
  lt_log "work directory: $LT_DIR"
}

lt_snapshot_jar() {
  if [ -n "${LOADTEST_JAR:-}" ]; then
    # A jar built before (e.g. a long run that must not wait for, or fail on, a rebuild).
    cp -p "$LOADTEST_JAR" "$LT_DIR/msrpc.jar" || lt_die "cannot copy LOADTEST_JAR=$LOADTEST_JAR"
  else
    "$LT_REPO/msrpc" --version > /dev/null || lt_die "./msrpc does not build"
    cp -p "$LT_REPO/cli/target/msrpc.jar" "$LT_DIR/msrpc.jar"
  fi
  # What was measured: the commit, and whether the jar was built from a tree with local changes.
  { echo "jar ${LOADTEST_JAR:-cli/target/msrpc.jar}, built $(date -u -r "$LT_DIR/msrpc.jar" +%FT%TZ), sha256 $(sha256sum "$LT_DIR/msrpc.jar" | cut -c1-16)"
    echo "commit $(git -C "$LT_REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "files changed in the working tree: $(git -C "$LT_REPO" status --short --untracked-files=no 2>/dev/null | wc -l)"
    echo "java $(java -version 2>&1 | head -n 1)"
    echo "cpus $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$LT_DIR/build-info.txt"
  java -jar "$LT_DIR/msrpc.jar" bench --help > /dev/null 2>&1 \
    || lt_die "this build of ./msrpc has no 'bench' command yet (issue 8)"
}

lt_start_server() {
  local level="$1" i
  LT_LEVEL="$level"
  LT_SERVER_CMD=(-jar "$LT_DIR/msrpc.jar" serve --listen 127.0.0.1:0 --epm-port 0
    --accounts "$LT_HOME/accounts.yaml" --min-level "$level")
  if [ -n "${LT_LEAK_BYTES:-}" ]; then
    # The negative control: the same rpcecho server keeping LT_LEAK_BYTES per call (privacy only).
    LT_SERVER_CMD=(-cp "$LT_DIR/msrpc.jar" "$LT_HOME/lib/LeakingEchoServer.java" "$LT_HOME/accounts.yaml" "$LT_LEAK_BYTES")
  fi
  # Fixed heap (-Xms = -Xmx) so that "heap after GC" is measured against a constant capacity; the
  # GC log with uptime decorations is what load_report.py reads.
  java "-Xms$LT_SERVER_HEAP" "-Xmx$LT_SERVER_HEAP" "-Xlog:gc*:file=$LT_DIR/server-gc.log:uptime,level,tags" \
    -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$LT_DIR" \
    "${LT_SERVER_CMD[@]}" > "$LT_DIR/server.log" 2>&1 < /dev/null &
  LT_SERVER_PID=$!
  for ((i = 0; i < 240; i++)); do
    LT_PORT="$(sed -n 's/^rpcecho, mgmt: ncacn_ip_tcp:127\.0\.0\.1\[\([0-9]*\)\]$/\1/p' "$LT_DIR/server.log" | head -n 1)"
    [ -n "$LT_PORT" ] && break
    kill -0 "$LT_SERVER_PID" 2>/dev/null || { cat "$LT_DIR/server.log" >&2; lt_die "msrpc serve exited"; }
    sleep 0.25
  done
  [ -n "$LT_PORT" ] || { cat "$LT_DIR/server.log" >&2; lt_die "msrpc serve did not start listening in 60 s"; }
  LT_BINDING="ncacn_ip_tcp:127.0.0.1[$LT_PORT]"
  lt_log "msrpc serve pid $LT_SERVER_PID on $LT_BINDING (heap $LT_SERVER_HEAP, --min-level $level)"
}

lt_server_alive() { [ -n "$LT_SERVER_PID" ] && kill -0 "$LT_SERVER_PID" 2>/dev/null; }

lt_sample() {
  local phase="$1" t heap rss threads fds cmds
  lt_server_alive || return 1
  cmds="$LT_DIR/.jcmd-sample"
  [ -f "$cmds" ] || printf 'GC.run\nGC.heap_info\n' > "$cmds"
  # After GC.run (a full collection) the heap's "used" is the live set.
  heap="$(timeout 60 jcmd "$LT_SERVER_PID" -f "$cmds" 2>/dev/null \
    | sed -n 's/.* heap *total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -n 1 || true)"
  rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$LT_SERVER_PID/status" 2>/dev/null || true)"
  threads="$(awk '/^Threads:/ { print $2 }' "/proc/$LT_SERVER_PID/status" 2>/dev/null || true)"
  fds="$(find "/proc/$LT_SERVER_PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)"
  t="$(awk -v a="$LT_T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
  echo "$t,$phase,$heap,$rss,$threads,$fds" >> "$LT_CSV"
}

lt_sampler_start() {
  local every="$1"
  ( trap 'exit 0' TERM
    while lt_server_alive; do
      sleep "$every" & wait $!
      lt_sample load || exit 0
    done ) &
  LT_SAMPLER_PID=$!
}

lt_sampler_stop() {
  [ -n "$LT_SAMPLER_PID" ] || return 0
  kill -TERM "$LT_SAMPLER_PID" 2>/dev/null || true
  wait "$LT_SAMPLER_PID" 2>/dev/null || true
  LT_SAMPLER_PID=""
}

lt_bench() {
  lt_log "java -Xmx$LT_CLIENT_HEAP -jar msrpc.jar bench $LT_BINDING -U EXAMPLE/alice%… --level $LT_LEVEL $* --json"
  LT_BENCH_EXIT=0
  java "-Xmx$LT_CLIENT_HEAP" -jar "$LT_DIR/msrpc.jar" bench "$LT_BINDING" -U "$LT_USER" --level "$LT_LEVEL" "$@" --json \
    > "$LT_DIR/bench.json" 2> "$LT_DIR/bench.err" < /dev/null || LT_BENCH_EXIT=$?
  lt_log "bench exited $LT_BENCH_EXIT"
  tail -n 5 "$LT_DIR/bench.err" >&2 || true
}

lt_report() {  # lt_report TITLE EXPECT_CALLS BOUND_MIB CLIENTS [extra args]
  local alive=0
  lt_server_alive && alive=1
  python3 "$LT_HOME/lib/load_report.py" --title "$1" --expect-calls "$2" --bound-mib "$3" --clients "$4" \
    --gc-log "$LT_DIR/server-gc.log" --samples "$LT_CSV" --bench-json "$LT_DIR/bench.json" \
    --bench-exit "$LT_BENCH_EXIT" --server-alive "$alive" --markdown "$LT_DIR/summary.md" "${@:5}"
}

lt_stop_server() {
  [ -n "$LT_SERVER_PID" ] || return 0
  if kill -0 "$LT_SERVER_PID" 2>/dev/null; then
    kill -TERM "$LT_SERVER_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 80; i++)); do kill -0 "$LT_SERVER_PID" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$LT_SERVER_PID" 2>/dev/null; then
      lt_log "msrpc serve ignored SIGTERM for 20 s; jstack to $LT_DIR/server-jstack.txt, then SIGKILL"
      jstack "$LT_SERVER_PID" > "$LT_DIR/server-jstack.txt" 2>&1 || true
      kill -KILL "$LT_SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$LT_SERVER_PID" 2>/dev/null || true
  LT_SERVER_PID=""
}

lt_cleanup() {
  lt_sampler_stop
  lt_stop_server
}
