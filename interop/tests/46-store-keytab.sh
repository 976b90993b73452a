#!/usr/bin/env bash
# ./msrpc store -k against ./msrpc serve --keytab --data: alice's Samba ticket (SPNEGO, sealed)
# reaches the secure object store; mkdir/put/get/getacl act as her (the owner is her SID from the
# PAC) and the store's whoami names her. With --min-level-for, the store refuses a signed-only call
# with status 5 while sealed calls pass, and serve logs her authentication once per context.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer kinit
require_msrpc serve --listen --epm-port --keytab --realm --data
require_msrpc store '(^|[ ,])-k([ ,=]|$)'
work="$(test_workdir_path)"
kinit_user "alice@$DC_REALM" "$ALICE_PASSWORD"

per_interface=()
if msrpc_has_option serve --min-level-for; then per_interface=(--min-level-for store=privacy); fi
SERVE_HOST="$SVC_IP"   # what rpc1.example.test resolves to in the DC's hosts file
start_serve --keytab "$DC_KEYTAB" --realm "$DC_REALM" --spn "$SVC_SPN" --data "$work/store" "${per_interface[@]}"
sealed="ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,seal]"

# store ACTION ARGS...: ./msrpc store -k on the sealed binding; output in $work/out.txt, fails the test on error.
store() {
  echo "== ./msrpc store '$sealed' -k --spn $SVC_SPN $*"
  "$MSRPC" store "$sealed" -k --spn "$SVC_SPN" "$@" > "$work/out.txt" 2>&1 \
    || { echo "FAIL: exited $?"; cat "$work/out.txt"; exit 1; }
  cat "$work/out.txt"
}

store mkdir /docs
store put /docs/note.txt --text "hello from alice over Kerberos"
store get /docs/note.txt
check_contains "get" "$work/out.txt" '^hello from alice over Kerberos$'
store ls /docs
check_contains "ls" "$work/out.txt" '^note\.txt$'
store getacl /docs/note.txt
# The creator is the owner: alice's SID in the DC's domain, from her ticket's PAC.
check_contains "getacl" "$work/out.txt" "O:$DC_DOMAIN_SID-[0-9]+" "\(A;ID;[^)]*;;;$DC_DOMAIN_SID-[0-9]+\)"
store whoami
check_contains_ci "whoami" "$work/out.txt" 'EXAMPLE\\alice' "$DC_DOMAIN_SID-513"

if [ ${#per_interface[@]} -gt 0 ]; then
  signed="ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,sign]"
  echo "== ./msrpc store '$signed' -k --spn $SVC_SPN ls / (below the store's minimum: privacy)"
  rc=0
  "$MSRPC" store "$signed" -k --spn "$SVC_SPN" ls / > "$work/denied.txt" 2>&1 || rc=$?
  cat "$work/denied.txt"
  [ "$rc" -ne 0 ] || { echo "FAIL: a signed call passed the store's privacy minimum"; exit 1; }
  check_contains "denial" "$work/denied.txt" 'ERROR_ACCESS_DENIED \(0x00000005\)'
  check_contains "serve log: denial" "$SERVE_LOG" 'below the minimum PKT_PRIVACY; access denied'
  check_contains_ci "serve log: authentication" "$SERVE_LOG" 'authenticated EXAMPLE\\alice with GSS_NEGOTIATE at level PKT_PRIVACY'
fi
echo "PASS"
