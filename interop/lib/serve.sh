# Starting and stopping `./msrpc serve` for a test. Source it after common.sh.
#
#   start_serve [EXTRA_ARG...]   runs ./msrpc serve --listen 127.0.0.1:PORT --epm-port EPM_PORT EXTRA...
#                                on free ports, waits until PORT answers, and stops it when the test
#                                exits. Sets SERVE_PID, SERVE_PORT, SERVE_EPM_PORT, SERVE_LOG,
#                                SERVE_BINDING (ncacn_ip_tcp:127.0.0.1[PORT]).
#   stop_serve                   SIGTERM to the recorded PID (Ctrl-C semantics), SIGKILL after 15 s.
# The DC holds port 135, so the server's endpoint mapper always gets a port of its own.

start_serve() {
  SERVE_PORT="$(free_port)"
  SERVE_EPM_PORT="$(free_port)"
  while [ "$SERVE_EPM_PORT" = "$SERVE_PORT" ]; do SERVE_EPM_PORT="$(free_port)"; done
  SERVE_LOG="$(test_workdir_path)/serve.log"
  SERVE_BINDING="ncacn_ip_tcp:127.0.0.1[$SERVE_PORT]"
  log "starting ./msrpc serve --listen 127.0.0.1:$SERVE_PORT --epm-port $SERVE_EPM_PORT $*"
  "$MSRPC" serve --listen "127.0.0.1:$SERVE_PORT" --epm-port "$SERVE_EPM_PORT" "$@" \
    > "$SERVE_LOG" 2>&1 < /dev/null &
  SERVE_PID=$!
  at_exit stop_serve
  if ! wait_port 127.0.0.1 "$SERVE_PORT" 90 "$SERVE_PID"; then
    echo "FAIL: ./msrpc serve did not listen on 127.0.0.1:$SERVE_PORT; its log:" >&2
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
