#!/usr/bin/env bash
# Harness sanity for Kerberos: MIT kinit against the DC's KDC with the generated krb5.conf, a
# service ticket for the msrpc4j server's SPN that the exported keytab decrypts (kvno -k), and
# rpcclient with Kerberos only against the DC by name (names from the DC's private hosts file).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_peer kinit kvno klist rpcclient
work="$(test_workdir_path)"
export KRB5_CONFIG="$DC_KRB5_CONFIG"
export KRB5CCNAME="FILE:$work/ccache"

echo "== kinit alice"
printf '%s\n' "$ALICE_PASSWORD" | kinit alice@"$DC_REALM" > /dev/null
klist

echo "== service ticket for $SVC_SPN, decrypted with the exported keytab"
kvno -k "$DC_KEYTAB" "$SVC_SPN@$DC_REALM"

for opts in seal seal,krb5 sign,spnego; do
  echo "== rpcclient --use-kerberos=required against $DC_FQDN [$opts]"
  mark="$(dc_log_mark)"
  "$INTEROP_HOME/samba-dc" exec env KRB5_CONFIG="$KRB5_CONFIG" KRB5CCNAME="$KRB5CCNAME" \
    rpcclient -s "$DC_CLIENT_CONF" --use-kerberos=required -N -U "alice@$DC_REALM" \
    "ncacn_ip_tcp:$DC_FQDN[$opts]" -c enumdomusers > "$work/users.txt" 2>&1 < /dev/null
  check_contains "Kerberos enumdomusers [$opts]" "$work/users.txt" 'user:\[alice\]' 'user:\[bob\]'
  dc_log_since "$mark" > "$work/dclog.txt"
  check_contains "the DC saw Kerberos [$opts]" "$work/dclog.txt" 'AuthZ: \[DCE/RPC,krb5\] user \[EXAMPLE\]\\\[alice\]'
done
echo "Kerberos to the DC works"

echo "== Samba's Python bindings with Kerberos (the path py/samba_echo.py -k uses against ./msrpc serve)"
mark="$(dc_log_mark)"
"$INTEROP_HOME/samba-dc" exec env KRB5_CONFIG="$KRB5_CONFIG" KRB5CCNAME="$KRB5CCNAME" \
  "$PY" "$INTEROP_HOME/py/samba_mgmt_epm.py" mgmt "ncacn_ip_tcp:$DC_FQDN[135,seal]" -U alice -k -s "$DC_CLIENT_CONF"
dc_log_since "$mark" > "$work/dclog.txt"
check_contains "the DC saw Kerberos (samba python)" "$work/dclog.txt" 'AuthZ: \[DCE/RPC,krb5\] user \[EXAMPLE\]\\\[alice\]'
