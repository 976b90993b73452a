#!/usr/bin/env bash
# ./msrpc serve --accounts driven by Samba's Python rpcecho client with NTLM at sign and seal:
# this client negotiates header signing and sends the verification trailer; every opnum.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer samba-python
require_msrpc serve --listen --epm-port --accounts

start_serve --accounts "$INTEROP_HOME/fixtures/accounts.yaml"
for opts in sign seal; do
  echo "== samba rpcecho, alice, [$opts]"
  "$PY" "$INTEROP_HOME/py/samba_echo.py" "ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,$opts]" -U 'EXAMPLE/alice%Alic3Pass!x'
done
echo "== a wrong password fails"
if "$PY" "$INTEROP_HOME/py/samba_echo.py" "ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,seal]" -U 'EXAMPLE/alice%nope' > /dev/null 2>&1; then
  echo "FAIL: accepted a wrong password"; exit 1
fi
echo "refused"
