#!/usr/bin/env bash
# ./msrpc serve driven by Samba's Python bindings, unauthenticated: rpcecho every opnum (0-9)
# with the reference server's semantics, mgmt (inq_if_ids lists rpcecho and mgmt), and epmapper
# (epm_Lookup to the end, epm_Map of rpcecho to the server's port).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer samba-python
require_msrpc serve --listen --epm-port
work="$(test_workdir_path)"
PYDIR="$INTEROP_HOME/py"
RPCECHO=60a15ec5-4de8-11d7-a637-005056a20182
MGMT=afa8bd80-7d8a-11c9-bef4-08002b102989

start_serve

echo "== rpcecho, every opnum"
"$PY" "$PYDIR/samba_echo.py" "$SERVE_BINDING"
echo "== mgmt"
"$PY" "$PYDIR/samba_mgmt_epm.py" mgmt "$SERVE_BINDING" --expect "$RPCECHO" "$MGMT"
echo "== epmapper"
"$PY" "$PYDIR/samba_mgmt_epm.py" epm "ncacn_ip_tcp:$SERVE_HOST[$SERVE_EPM_PORT]" \
  --expect "$RPCECHO" --map "$RPCECHO" | tee "$work/epm.txt"
grep -q "epm_Map $RPCECHO: port $SERVE_PORT\$" "$work/epm.txt" \
  || { echo "FAIL: epm_Map did not map rpcecho to the server's port $SERVE_PORT"; exit 1; }
