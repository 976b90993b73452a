#!/usr/bin/env bash
# One captured session per client against ./msrpc serve (rpcclient, Samba's Python rpcecho,
# Impacket, and ./msrpc echo when it exists): tshark dissects DCE/RPC and reports no malformed packet.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer rpcclient tshark dumpcap samba-python impacket
require_msrpc serve --listen --epm-port
CAPTURE="$INTEROP_HOME/lib/capture.sh"
PYDIR="$INTEROP_HOME/py"

start_serve
"$CAPTURE" start serve-anon "$SERVE_PORT" "$SERVE_EPM_PORT"
at_exit "'$CAPTURE' stop serve-anon"

rpcclient -s "$DC_CLIENT_CONF" -U% "$SERVE_BINDING" -c 'echoaddone 1; echodata 5000; sourcedata 70000' > /dev/null
rpcclient -s "$DC_CLIENT_CONF" -U% "ncacn_ip_tcp:$SERVE_HOST[$SERVE_EPM_PORT]" -c epmlookup > /dev/null
"$PY" "$PYDIR/samba_echo.py" "$SERVE_BINDING" --sleep 0 > /dev/null
"$PY" "$PYDIR/impacket_echo.py" "$SERVE_BINDING" > /dev/null
if msrpc_has_command echo; then
  "$MSRPC" echo "$SERVE_BINDING" addone 41 > /dev/null
fi
"$CAPTURE" stop serve-anon
"$CAPTURE" check serve-anon
