#!/usr/bin/env bash
# ./msrpc whoami against ./msrpc serve --accounts: anonymous -> impersonation status 1765;
# alice (NTLM, sealed) -> EXAMPLE\alice with her SID (rid 1104) and the engineers group (rid 1201).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_msrpc serve --listen --epm-port --accounts
require_msrpc whoami
work="$(test_workdir_path)"
DOMAIN_SID=S-1-5-21-1111111111-2222222222-3333333333

start_serve --accounts "$INTEROP_HOME/fixtures/accounts.yaml"
echo "== anonymous"
"$MSRPC" whoami "$SERVE_BINDING" > "$work/anon.txt" 2>&1 || true
cat "$work/anon.txt"
check_contains "anonymous whoami" "$work/anon.txt" '1765'
echo "== alice [seal]"
"$MSRPC" whoami "ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,seal]" -U 'EXAMPLE/alice%Alic3Pass!x' > "$work/alice.txt" 2>&1 \
  || { echo "FAIL: exited $?"; cat "$work/alice.txt"; exit 1; }
cat "$work/alice.txt"
check_contains_ci "alice whoami" "$work/alice.txt" 'EXAMPLE\\alice' "$DOMAIN_SID-1104" "$DOMAIN_SID-1201" 'S-1-1-0' 'S-1-5-11'
