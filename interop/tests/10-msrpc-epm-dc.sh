#!/usr/bin/env bash
# ./msrpc epm against the Samba DC's endpoint mapper (port 135): every interface that Impacket's
# ept_lookup finds is listed, with samr's dynamic TCP port (Samba ends the list with
# EPT_S_NOT_REGISTERED and a null handle: msrpc4j must treat that as the end, not an error).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_peer impacket
require_msrpc epm
work="$(test_workdir_path)"
SAMR=12345778-1234-abcd-ef00-0123456789ac

"$PY" "$INTEROP_HOME/py/impacket_epm.py" 'ncacn_ip_tcp:127.0.0.1[135]' --map "$SAMR" > "$work/impacket.txt"
samr_port="$(sed -n 's/^ept_map .* -> ncacn_ip_tcp:127\.0\.0\.1\[\([0-9]*\)\]$/\1/p' "$work/impacket.txt")"

echo "== ./msrpc epm 'ncacn_ip_tcp:127.0.0.1[135]'"
"$MSRPC" epm 'ncacn_ip_tcp:127.0.0.1[135]' > "$work/msrpc.txt" 2>&1 \
  || { echo "FAIL: ./msrpc epm exited $?"; cat "$work/msrpc.txt"; exit 1; }
cat "$work/msrpc.txt"

missing=0
while read -r uuid _; do
  grep -qi -- "$uuid" "$work/msrpc.txt" || { echo "FAIL: $uuid (listed by Impacket) missing"; missing=$((missing + 1)); }
done < <(grep -E '^[0-9a-f]{8}-' "$work/impacket.txt" | sort -u -k1,1)
[ "$missing" -eq 0 ] || exit 1
grep -i -- "$SAMR" "$work/msrpc.txt" | grep -q -- "$samr_port" \
  || { echo "FAIL: no samr line shows its TCP port $samr_port"; exit 1; }
echo "all $(grep -cE '^[0-9a-f]{8}-' "$work/impacket.txt") endpoints listed; samr on port $samr_port"
