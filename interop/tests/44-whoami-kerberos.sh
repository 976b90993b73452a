#!/usr/bin/env bash
# ./msrpc whoami -k against ./msrpc serve --keytab: the server reads the PAC of alice's Samba
# ticket: EXAMPLE\alice, her SID in the DC's domain, and Domain Users (…-513).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer kinit
require_msrpc serve --listen --epm-port --keytab --realm
require_msrpc whoami
if msrpc_has_option whoami '(^|[ ,])-k([ ,=]|$)'; then KERBEROS=(-k)
elif msrpc_has_option whoami '--auth'; then KERBEROS=(--auth=kerberos)
else skip "'./msrpc whoami' has neither -k nor --auth yet"
fi
work="$(test_workdir_path)"
kinit_user "alice@$DC_REALM" "$ALICE_PASSWORD"

SERVE_HOST="$SVC_IP"   # what rpc1.example.test resolves to in the DC's hosts file
start_serve --keytab "$DC_KEYTAB" --realm "$DC_REALM" --spn "$SVC_SPN"
echo "== ./msrpc whoami ${KERBEROS[*]} --spn $SVC_SPN 'ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,seal]'"
"$MSRPC" whoami "ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,seal]" "${KERBEROS[@]}" --spn "$SVC_SPN" > "$work/out.txt" 2>&1 \
  || { echo "FAIL: exited $?"; cat "$work/out.txt"; exit 1; }
cat "$work/out.txt"
check_contains_ci "whoami -k" "$work/out.txt" 'EXAMPLE\\alice' "$DC_DOMAIN_SID-[0-9]+" "$DC_DOMAIN_SID-513"
