#!/usr/bin/env bash
# ./msrpc serve --keytab (the service account rpc1svc, SPN host/rpc1.example.test, keytab exported
# by samba-tool) accepts rpcclient --use-kerberos=required with [seal], [seal,krb5], [seal,spnego];
# tickets come from the Samba DC's KDC. rpcclient resolves rpc1.example.test through the DC's
# private hosts file (interop/samba-dc exec).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer rpcclient kinit
require_msrpc serve --listen --epm-port --keytab --realm
work="$(test_workdir_path)"
kinit_user "alice@$DC_REALM" "$ALICE_PASSWORD"

SERVE_HOST="$SVC_IP"   # what rpc1.example.test resolves to in the DC's hosts file
start_serve --keytab "$DC_KEYTAB" --realm "$DC_REALM" --spn "$SVC_SPN"
for opts in seal seal,krb5 seal,spnego; do
  echo "== rpcclient --use-kerberos=required 'ncacn_ip_tcp:$SVC_HOST[$SERVE_PORT,$opts]'"
  "$INTEROP_HOME/samba-dc" exec env KRB5_CONFIG="$KRB5_CONFIG" KRB5CCNAME="$KRB5CCNAME" \
    rpcclient -s "$DC_CLIENT_CONF" --use-kerberos=required -N -U "alice@$DC_REALM" \
    "ncacn_ip_tcp:$SVC_HOST[$SERVE_PORT,$opts]" -c 'echoaddone 41; echodata 70000; sourcedata 70000' \
    > "$work/out.txt" 2>&1 < /dev/null || { echo "FAIL: exited $?"; cat "$work/out.txt"; exit 1; }
  cat "$work/out.txt"
  check_contains "Kerberos [$opts]" "$work/out.txt" '^41 \+ 1 = 42$'
  ! grep -Eq 'mismatch|result was' "$work/out.txt" || { echo "FAIL: errors above"; exit 1; }
done
klist | grep -q "$SVC_SPN@$DC_REALM" || { echo "FAIL: no ticket for $SVC_SPN in the ccache"; exit 1; }
