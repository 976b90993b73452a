#!/usr/bin/env bash
# ./msrpc serve --keytab accepts Samba's Python rpcecho client with Kerberos (SPNEGO; header
# signing and the verification trailer), at sign and seal; every opnum.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer samba-python kinit
require_msrpc serve --listen --epm-port --keytab --realm
kinit_user "alice@$DC_REALM" "$ALICE_PASSWORD"

SERVE_HOST="$SVC_IP"   # what rpc1.example.test resolves to in the DC's hosts file
start_serve --keytab "$DC_KEYTAB" --realm "$DC_REALM" --spn "$SVC_SPN"
for opts in sign seal; do
  echo "== samba rpcecho -k 'ncacn_ip_tcp:$SVC_HOST[$SERVE_PORT,$opts]'"
  "$INTEROP_HOME/samba-dc" exec env KRB5_CONFIG="$KRB5_CONFIG" KRB5CCNAME="$KRB5CCNAME" \
    "$PY" "$INTEROP_HOME/py/samba_echo.py" "ncacn_ip_tcp:$SVC_HOST[$SERVE_PORT,$opts]" \
    -U "alice" -k -s "$DC_CLIENT_CONF"
done
