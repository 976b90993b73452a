#!/usr/bin/env bash
# Harness sanity: Impacket against the DC: EPM lookup to the end of the list and ept_map of samr,
# then SAMR user enumeration with NTLM at PKT_INTEGRITY and PKT_PRIVACY.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_peer impacket
PYDIR="$INTEROP_HOME/py"
SAMR=12345778-1234-abcd-ef00-0123456789ac
work="$(test_workdir_path)"

echo "== impacket ept_lookup + ept_map"
"$PY" "$PYDIR/impacket_epm.py" 'ncacn_ip_tcp:127.0.0.1[135]' --expect "$SAMR" --map "$SAMR" | tee "$work/epm.txt" | tail -n 3
port="$(sed -n 's/^ept_map .* -> ncacn_ip_tcp:127\.0\.0\.1\[\([0-9]*\)\]$/\1/p' "$work/epm.txt")"
[ -n "$port" ] || { echo "FAIL: ept_map gave no samr port"; exit 1; }

for level in integrity privacy; do
  echo "== impacket SAMR enumerate users at $level (port $port)"
  "$PY" "$PYDIR/impacket_samr.py" "ncacn_ip_tcp:127.0.0.1[$port]" -U "$DC_DOMAIN/alice%$ALICE_PASSWORD" \
    --level "$level" --expect alice bob "$SVC_USER"
done
