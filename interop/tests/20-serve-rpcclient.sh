#!/usr/bin/env bash
# ./msrpc serve driven by Samba's rpcclient, unauthenticated: the rpcecho commands (echoaddone,
# echodata, sinkdata, sourcedata; sizes across fragment boundaries) and epmlookup on the server's
# own endpoint mapper, which must list rpcecho on the server's port.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer rpcclient
require_msrpc serve --listen --epm-port
work="$(test_workdir_path)"
RPCECHO=60a15ec5-4de8-11d7-a637-005056a20182

start_serve

rpc() {  # rpc NAME BINDING COMMANDS: anonymous rpcclient; output in $work/NAME.txt; fails on error
  local name="$1" binding="$2" cmds="$3"
  echo "== rpcclient '$binding' -c '$cmds'"
  if ! rpcclient -s "$DC_CLIENT_CONF" -U% "$binding" -c "$cmds" > "$work/$name.txt" 2>&1; then
    echo "FAIL: rpcclient exited non-zero:"; cat "$work/$name.txt"; return 1
  fi
  cat "$work/$name.txt"
  if grep -Eq 'mismatch|result was|NT_STATUS|error' "$work/$name.txt"; then
    echo "FAIL: rpcclient reported an error"; return 1
  fi
}

rpc addone "$SERVE_BINDING" 'echoaddone 41'
check_contains "echoaddone" "$work/addone.txt" '^41 \+ 1 = 42$'
rpc addone-max "$SERVE_BINDING" 'echoaddone 2147483646'
check_contains "echoaddone" "$work/addone-max.txt" '^2147483646 \+ 1 = 2147483647$'
for size in 0 1 5000 70000; do
  rpc "echodata-$size" "$SERVE_BINDING" "echodata $size"
  rpc "sourcedata-$size" "$SERVE_BINDING" "sourcedata $size"
  rpc "sinkdata-$size" "$SERVE_BINDING" "sinkdata $size"
done
# Several calls on one connection.
rpc several "$SERVE_BINDING" 'echoaddone 1; echodata 300; sourcedata 300; sinkdata 300; echoaddone 2'
check_contains "several calls" "$work/several.txt" '^1 \+ 1 = 2$' '^2 \+ 1 = 3$'

rpc epm "ncacn_ip_tcp:$SERVE_HOST[$SERVE_EPM_PORT]" 'epmlookup'
check_contains_ci "epmlookup on the server's EPM" "$work/epm.txt" \
  "\[$SERVE_PORT,abstract_syntax=$RPCECHO/0x00000001\]"
echo "rpcclient drives ./msrpc serve"
