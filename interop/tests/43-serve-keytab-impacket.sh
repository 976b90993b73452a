#!/usr/bin/env bash
# ./msrpc serve --keytab accepts Impacket SPNEGO-Kerberos at privacy. Workarounds from
# INTEROP-NOTES: Impacket's own TGS-REQ lacks the authenticator checksum, so MIT kinit + kvno fill
# the ccache with the service ticket and Impacket reads KRB5CCNAME; Impacket sends no client
# mechListMIC, which the server must tolerate as Windows does.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer impacket kinit kvno
require_msrpc serve --listen --epm-port --keytab --realm
kinit_user "alice@$DC_REALM" "$ALICE_PASSWORD"
kvno "$SVC_SPN@$DC_REALM"

SERVE_HOST="$SVC_IP"   # what rpc1.example.test resolves to in the DC's hosts file
start_serve --keytab "$DC_KEYTAB" --realm "$DC_REALM" --spn "$SVC_SPN"
echo "== impacket rpcecho, SPNEGO-Kerberos, privacy"
"$INTEROP_HOME/samba-dc" exec env KRB5_CONFIG="$KRB5_CONFIG" KRB5CCNAME="$KRB5CCNAME" \
  "$PY" "$INTEROP_HOME/py/impacket_echo.py" "ncacn_ip_tcp:$SVC_HOST[$SERVE_PORT]" \
  -U "$DC_REALM/alice" -k --level privacy
