#!/usr/bin/env bash
# ./msrpc echo (the msrpc4j client) against ./msrpc serve, through the command lines a user runs:
# addone, echodata, sinkdata and sourcedata across fragment boundaries.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_msrpc serve --listen --epm-port
require_msrpc echo
work="$(test_workdir_path)"

start_serve
run_echo() {
  echo "== ./msrpc echo $SERVE_BINDING $*"
  "$MSRPC" echo "$SERVE_BINDING" "$@" > "$work/out.txt" 2>&1 \
    || { echo "FAIL: exited $?"; cat "$work/out.txt"; return 1; }
  cat "$work/out.txt"
}
run_echo addone 41
check_contains "addone 41" "$work/out.txt" '\b42\b'
for n in 0 1 5000 70000; do
  run_echo echodata "$n"
  run_echo sinkdata "$n"
  run_echo sourcedata "$n"
done
