#!/usr/bin/env bash
# ./msrpc mgmt against the Samba DC's port 135: the interfaces it reports (inq_if_ids) include the
# endpoint mapper and mgmt itself, as Samba's Python client sees them; the server is listening.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_msrpc mgmt
work="$(test_workdir_path)"
EPMAPPER=e1af8308-5d1f-11c9-91a4-08002b14a0fa
MGMT=afa8bd80-7d8a-11c9-bef4-08002b102989

echo "== ./msrpc mgmt 'ncacn_ip_tcp:127.0.0.1[135]'"
"$MSRPC" mgmt 'ncacn_ip_tcp:127.0.0.1[135]' > "$work/msrpc.txt" 2>&1 \
  || { echo "FAIL: ./msrpc mgmt exited $?"; cat "$work/msrpc.txt"; exit 1; }
cat "$work/msrpc.txt"
check_contains_ci "msrpc mgmt" "$work/msrpc.txt" "$EPMAPPER" "$MGMT" 'listening'
echo "mgmt against Samba OK"
