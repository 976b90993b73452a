#!/usr/bin/env bash
# Harness sanity: the loopback Samba DC answers Samba's rpcclient over ncacn_ip_tcp with NTLM at
# sign and seal (port found through the DC's endpoint mapper), and refuses a wrong password.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_peer rpcclient
work="$(test_workdir_path)"

for opt in sign seal; do
  echo "== rpcclient enumdomusers [$opt]"
  rpcclient -s "$DC_CLIENT_CONF" -U "$DC_DOMAIN/alice%$ALICE_PASSWORD" \
    "ncacn_ip_tcp:127.0.0.1[$opt]" -c enumdomusers > "$work/users-$opt.txt" 2>&1
  cat "$work/users-$opt.txt"
  check_contains "enumdomusers [$opt]" "$work/users-$opt.txt" \
    'user:\[alice\]' 'user:\[bob\]' "user:\[$SVC_USER\]" 'user:\[Administrator\]'
done

echo "== rpcclient epmlookup on port 135"
rpcclient -s "$DC_CLIENT_CONF" -U "$DC_DOMAIN/alice%$ALICE_PASSWORD" 'ncacn_ip_tcp:127.0.0.1[135]' \
  -c epmlookup > "$work/epm.txt" 2>&1
check_contains "epmlookup" "$work/epm.txt" \
  'ncacn_ip_tcp:0\.0\.0\.0\[[0-9]+,abstract_syntax=12345778-1234-abcd-ef00-0123456789ac/0x00000001\]: samr'

echo "== a wrong password is refused"
if rpcclient -s "$DC_CLIENT_CONF" -U "$DC_DOMAIN/alice%not-her-password" \
     'ncacn_ip_tcp:127.0.0.1[seal]' -c enumdomusers > "$work/wrong.txt" 2>&1; then
  echo "FAIL: rpcclient succeeded with a wrong password:"; cat "$work/wrong.txt"; exit 1
fi
grep -q 'user:\[alice\]' "$work/wrong.txt" && { echo "FAIL: users listed with a wrong password"; exit 1; }
echo "refused: $(tail -n 1 "$work/wrong.txt")"
