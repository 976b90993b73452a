#!/usr/bin/env bash
# ./msrpc samr BINDING -U EXAMPLE/alice%… enum-users against the Samba DC, NTLM at privacy ([seal])
# and integrity ([sign]); the port comes from the DC's endpoint mapper. Lists the same users as
# rpcclient. A wrong password gives a non-zero exit.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_msrpc samr
work="$(test_workdir_path)"

for opts in seal sign; do
  echo "== ./msrpc samr 'ncacn_ip_tcp:127.0.0.1[$opts]' -U EXAMPLE/alice%… enum-users"
  "$MSRPC" samr "ncacn_ip_tcp:127.0.0.1[$opts]" -U "EXAMPLE/alice%$ALICE_PASSWORD" enum-users \
    > "$work/$opts.txt" 2>&1 || { echo "FAIL: exited $?"; cat "$work/$opts.txt"; exit 1; }
  cat "$work/$opts.txt"
  check_contains "enum-users [$opts]" "$work/$opts.txt" '\balice\b' '\bbob\b' "\b$SVC_USER\b" '\bAdministrator\b'
done
echo "== wrong password: refused, and neither password is printed"
WRONG='Zq9-not-alices-pw'
if "$MSRPC" samr 'ncacn_ip_tcp:127.0.0.1[seal]' -U "EXAMPLE/alice%$WRONG" enum-users > "$work/wrong.txt" 2>&1; then
  echo "FAIL: succeeded with a wrong password"; cat "$work/wrong.txt"; exit 1
fi
if grep -qF -e "$ALICE_PASSWORD" -e "$WRONG" "$work/wrong.txt"; then
  echo "FAIL: a password appears in the output"; exit 1
fi
echo "refused: $(tail -n 1 "$work/wrong.txt")"
