#!/usr/bin/env bash
# ./msrpc serve driven by Impacket, unauthenticated: EPM lookup (to the end of the list) and map
# on the server's endpoint mapper; rpcecho through the small NDRCALL definition (py/impacket_echo.py).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer impacket
require_msrpc serve --listen --epm-port
work="$(test_workdir_path)"
PYDIR="$INTEROP_HOME/py"
RPCECHO=60a15ec5-4de8-11d7-a637-005056a20182

start_serve

echo "== impacket ept_lookup + ept_map on the server's EPM"
"$PY" "$PYDIR/impacket_epm.py" "ncacn_ip_tcp:$SERVE_HOST[$SERVE_EPM_PORT]" --expect "$RPCECHO" --map "$RPCECHO" \
  | tee "$work/epm.txt"
grep -q "^ept_map $RPCECHO -> ncacn_ip_tcp:$SERVE_HOST\[$SERVE_PORT\]\$" "$work/epm.txt" \
  || { echo "FAIL: ept_map did not map rpcecho to the server's port $SERVE_PORT"; exit 1; }
echo "== impacket rpcecho (NDRCALL)"
"$PY" "$PYDIR/impacket_echo.py" "$SERVE_BINDING"
