# Starting and stopping `./msrpc serve` for a test. Source it after common.sh.
#
#   start_serve [EXTRA_ARG...]   runs ./msrpc serve --listen HOST:PORT --epm-port 135 EXTRA... and
#                                stops it when the test exits. Sets SERVE_PID, SERVE_HOST, SERVE_PORT,
#                                SERVE_EPM_PORT, SERVE_LOG, SERVE_BINDING (ncacn_ip_tcp:HOST[PORT]).
#   stop_serve                   SIGTERM to the recorded PID (Ctrl-C semantics), SIGKILL after 15 s.
#
# Why a loopback address of its own: rpcclient ignores the port of an ncacn_ip_tcp binding and
# always asks the endpoint mapper on port 135 of the host. The DC holds 127.0.0.1:135, so each
# server gets its own 127.x.y.z (all of 127/8 is loopback on Linux) with its endpoint mapper on
# 135 there, exactly as a Windows server is found. SERVE_HOST may be preset (the Kerberos tests use
# $SVC_IP, the address rpc1.example.test has in the DC's hosts file).

# True when something listens on HOST:PORT or on a wildcard address with that port.
port_taken() {
  ss -Hltn "( sport = :$2 )" 2>/dev/null \
    | awk '{ print $4 }' | grep -Eq "^(\[::ffff:)?${1//./\\.}\]?:$2\$|^(0\.0\.0\.0|\*|\[::\]):$2\$"
}

pick_serve_host() {
  local i host
  for ((i = 0; i < 50; i++)); do
    host="127.$((RANDOM % 200 + 20)).$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
    port_taken "$host" 135 || { echo "$host"; return 0; }
  done
  die "no loopback address with port 135 free"
}

start_serve() {
  SERVE_HOST="${SERVE_HOST:-$(pick_serve_host)}"
  port_taken "$SERVE_HOST" 135 && die "port 135 on $SERVE_HOST is taken (ss -ltnp shows by whom)"
  SERVE_PORT="$(free_port "$SERVE_HOST")"
  SERVE_EPM_PORT=135
  SERVE_LOG="$(test_workdir_path)/serve.log"
  SERVE_BINDING="ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT]"
  log "starting ./msrpc serve --listen $SERVE_HOST:$SERVE_PORT --epm-port $SERVE_EPM_PORT $*"
  "$MSRPC" serve --listen "$SERVE_HOST:$SERVE_PORT" --epm-port "$SERVE_EPM_PORT" "$@" \
    > "$SERVE_LOG" 2>&1 < /dev/null &
  SERVE_PID=$!
  at_exit stop_serve
  if ! wait_port "$SERVE_HOST" "$SERVE_PORT" 90 "$SERVE_PID" || ! wait_port "$SERVE_HOST" 135 30 "$SERVE_PID"; then
    echo "FAIL: ./msrpc serve did not listen on $SERVE_HOST:$SERVE_PORT and :135; its log:" >&2
    sed 's/^/    | /' "$SERVE_LOG" | tail -n 40 >&2
    return 1
  fi
  log "msrpc serve ready (pid $SERVE_PID)"
}

stop_serve() {
  [ -n "${SERVE_PID:-}" ] || return 0
  if kill -0 "$SERVE_PID" 2>/dev/null; then
    kill -TERM "$SERVE_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 60; i++)); do kill -0 "$SERVE_PID" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$SERVE_PID" 2>/dev/null; then
      echo "WARNING: msrpc serve (pid $SERVE_PID) ignored SIGTERM for 15 s; killing it" >&2
      kill -KILL "$SERVE_PID" 2>/dev/null || true
    fi
  fi
  echo "--- msrpc serve log (last 30 lines) ---"
  tail -n 30 "$SERVE_LOG" 2>/dev/null || true
  SERVE_PID=""
}
