#!/usr/bin/env bash
# ./msrpc serve --accounts (the issue's accounts file) driven by rpcclient with NTLM at [sign] and
# [seal]: alice by password, bob by NT hash; a wrong password and an unknown user are refused.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer rpcclient
require_msrpc serve --listen --epm-port --accounts
work="$(test_workdir_path)"
ACCOUNTS="$INTEROP_HOME/fixtures/accounts.yaml"

start_serve --accounts "$ACCOUNTS"

rpc() {  # rpc NAME USER BINDING-OPTIONS COMMANDS
  local name="$1" user="$2" opts="$3" cmds="$4"; shift 4
  echo "== rpcclient -U '${user%%\%*}%…' 'ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,$opts]' -c '$cmds' $*"
  rpcclient -s "$DC_CLIENT_CONF" -U "$user" "$@" "ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,$opts]" -c "$cmds" \
    > "$work/$name.txt" 2>&1
}

for opts in sign seal; do
  rpc "alice-$opts" "EXAMPLE/alice%Alic3Pass!x" "$opts" 'echoaddone 41; echodata 70000; sourcedata 70000; sinkdata 70000' \
    || { echo "FAIL: alice at [$opts]:"; cat "$work/alice-$opts.txt"; exit 1; }
  cat "$work/alice-$opts.txt"
  check_contains "alice [$opts]" "$work/alice-$opts.txt" '^41 \+ 1 = 42$'
  ! grep -Eq 'mismatch|result was' "$work/alice-$opts.txt" || { echo "FAIL: errors above"; exit 1; }

  rpc "bob-$opts" "EXAMPLE/bob%0cb6948805f797bf2a82807973b89537" "$opts" 'echoaddone 1' --pw-nt-hash \
    || { echo "FAIL: bob (NT hash) at [$opts]:"; cat "$work/bob-$opts.txt"; exit 1; }
  check_contains "bob [$opts]" "$work/bob-$opts.txt" '^1 \+ 1 = 2$'
done

echo "== wrong password and unknown user are refused"
if rpc wrong "EXAMPLE/alice%wrong-password" seal 'echoaddone 1'; then
  echo "FAIL: accepted a wrong password:"; cat "$work/wrong.txt"; exit 1
fi
grep -q '1 + 1 = 2' "$work/wrong.txt" && { echo "FAIL: a call went through with a wrong password"; exit 1; }
if rpc unknown "EXAMPLE/mallory%whatever" seal 'echoaddone 1'; then
  echo "FAIL: accepted an unknown user:"; cat "$work/unknown.txt"; exit 1
fi
echo "refused: $(tail -n 1 "$work/wrong.txt")"
