#!/usr/bin/env bash
# ./msrpc serve --accounts driven by Impacket with NTLM at PKT_INTEGRITY and PKT_PRIVACY (rpcecho
# through the NDRCALL definition), plus a wrong password refused.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer impacket
require_msrpc serve --listen --epm-port --accounts

start_serve --accounts "$INTEROP_HOME/fixtures/accounts.yaml"
for level in integrity privacy; do
  echo "== impacket rpcecho, alice, $level"
  "$PY" "$INTEROP_HOME/py/impacket_echo.py" "$SERVE_BINDING" -U 'EXAMPLE/alice%Alic3Pass!x' --level "$level"
done
echo "== a wrong password fails"
if "$PY" "$INTEROP_HOME/py/impacket_echo.py" "$SERVE_BINDING" -U 'EXAMPLE/alice%nope' --level privacy > /dev/null 2>&1; then
  echo "FAIL: accepted a wrong password"; exit 1
fi
echo "refused"
