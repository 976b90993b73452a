#!/usr/bin/env bash
# Harness sanity: Samba's Python bindings (mgmt, epmapper) against the DC's port 135, anonymous
# and with NTLM at sign; epm_Lookup is iterated to Samba's end-of-list and epm_Map finds samr.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_peer samba-python
PYDIR="$INTEROP_HOME/py"
EPMAPPER=e1af8308-5d1f-11c9-91a4-08002b14a0fa
MGMT=afa8bd80-7d8a-11c9-bef4-08002b102989
SAMR=12345778-1234-abcd-ef00-0123456789ac

echo "== mgmt, anonymous"
"$PY" "$PYDIR/samba_mgmt_epm.py" mgmt 'ncacn_ip_tcp:127.0.0.1[135]' --expect "$EPMAPPER" "$MGMT"
echo "== mgmt, NTLM at sign"
"$PY" "$PYDIR/samba_mgmt_epm.py" mgmt 'ncacn_ip_tcp:127.0.0.1[135,sign]' \
  -U "$DC_DOMAIN/alice%$ALICE_PASSWORD" --expect "$EPMAPPER"
echo "== epmapper, anonymous"
"$PY" "$PYDIR/samba_mgmt_epm.py" epm 'ncacn_ip_tcp:127.0.0.1[135]' --expect "$SAMR" "$EPMAPPER" --map "$SAMR"
