#!/usr/bin/env bash
# MIT kinit against msrpc4j's embedded KDC (./msrpc kdc with the issue's accounts file): alice
# gets a TGT with her password, a wrong password is refused, and kvno gets a service ticket that
# the KDC's exported keytab decrypts when it exports one.
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
require_peer kinit kvno klist
require_msrpc kdc --realm --accounts --port --keytab-out --krb5conf-out
work="$(test_workdir_path)"
port="$(free_port)"
rm -f "$work/krb5.conf" "$work/kdc.keytab" "$work/ccache"

"$MSRPC" kdc --realm EXAMPLE.TEST --accounts "$INTEROP_HOME/fixtures/accounts.yaml" --port "$port" \
  --keytab-out "$work/kdc.keytab" --krb5conf-out "$work/krb5.conf" > "$work/kdc.log" 2>&1 < /dev/null &
kdc_pid=$!
at_exit "kill -TERM $kdc_pid 2>/dev/null; sleep 1; kill -KILL $kdc_pid 2>/dev/null; tail -n 20 '$work/kdc.log'"
# The KDC may serve UDP only: wait for its krb5.conf, then let kinit itself probe (a few tries).
for ((i = 0; i < 360; i++)); do
  [ -s "$work/krb5.conf" ] && break
  kill -0 "$kdc_pid" 2>/dev/null || { echo "FAIL: ./msrpc kdc exited"; cat "$work/kdc.log"; exit 1; }
  sleep 0.25
done
[ -s "$work/krb5.conf" ] || { echo "FAIL: no krb5.conf written within 90 s"; cat "$work/kdc.log"; exit 1; }
cat "$work/krb5.conf"
export KRB5_CONFIG="$work/krb5.conf" KRB5CCNAME="FILE:$work/ccache"

echo "== kinit alice"
for ((i = 1; ; i++)); do
  printf 'Alic3Pass!x\n' | kinit alice@EXAMPLE.TEST > "$work/kinit.txt" 2>&1 && break
  [ "$i" -lt 10 ] || { echo "FAIL: kinit alice:"; cat "$work/kinit.txt"; exit 1; }
  sleep 1
done
klist
echo "== a wrong password is refused"
if printf 'wrong\n' | kinit -c "FILE:$work/ccache-wrong" alice@EXAMPLE.TEST > "$work/wrong.txt" 2>&1; then
  echo "FAIL: kinit accepted a wrong password"; exit 1
fi
cat "$work/wrong.txt"
if [ -s "$work/kdc.keytab" ]; then
  principal="$(klist -k "$work/kdc.keytab" | awk 'NR > 3 { print $2; exit }')"
  echo "== kvno -k for $principal"
  kvno -k "$work/kdc.keytab" "$principal"
fi
