#!/usr/bin/env bash
# The msrpc4j client with Kerberos against the Samba DC, using a ccache made by MIT kinit as is:
# raw Kerberos (auth type 16, [krb5]) and SPNEGO-Kerberos ([spnego]) at integrity and privacy
# (header signing on by default) -> ./msrpc samr … -k enum-users; and ./msrpc mgmt -k on port 135.
# The DC's audit log must show a Kerberos authorization for alice for each (no silent NTLM).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_peer kinit
K='(^|[ ,])-k([ ,=]|$)'
require_msrpc samr "$K" --spn
work="$(test_workdir_path)"
kinit_user "alice@$DC_REALM" "$ALICE_PASSWORD"
SPN="host/$DC_FQDN"
KRB_LINE='AuthZ: \[DCE/RPC,krb5\] user \[EXAMPLE\]\\\[alice\]'

for opts in seal,krb5 sign,krb5 seal,spnego sign,spnego; do
  echo "== ./msrpc samr 'ncacn_ip_tcp:127.0.0.1[$opts]' -k --spn $SPN enum-users"
  mark="$(dc_log_mark)"
  "$MSRPC" samr "ncacn_ip_tcp:127.0.0.1[$opts]" -k --spn "$SPN" enum-users > "$work/samr.txt" 2>&1 \
    || { echo "FAIL: exited $?"; cat "$work/samr.txt"; exit 1; }
  cat "$work/samr.txt"
  check_contains "samr -k [$opts]" "$work/samr.txt" '\balice\b' '\bbob\b'
  dc_log_since "$mark" > "$work/dclog.txt"
  check_contains "the DC saw Kerberos [$opts]" "$work/dclog.txt" "$KRB_LINE"
done

if msrpc_has_command mgmt && msrpc_has_option mgmt "$K"; then
  for opts in sign,krb5 seal,spnego; do
    echo "== ./msrpc mgmt 'ncacn_ip_tcp:127.0.0.1[135,$opts]' -k --spn $SPN"
    "$MSRPC" mgmt "ncacn_ip_tcp:127.0.0.1[135,$opts]" -k --spn "$SPN" > "$work/mgmt.txt" 2>&1 \
      || { echo "FAIL: exited $?"; cat "$work/mgmt.txt"; exit 1; }
    check_contains_ci "mgmt -k [$opts]" "$work/mgmt.txt" e1af8308-5d1f-11c9-91a4-08002b14a0fa
  done
else
  echo "note: ./msrpc mgmt has no -k yet; only samr was driven with Kerberos"
fi
