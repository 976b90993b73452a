#!/usr/bin/env bash
# Harness sanity for the capture helper: an rpcclient session to the DC (NTLM, sealed) captured on
# loopback; tshark reports no malformed packet and, given alice's password, decrypts the SAMR
# stub (the EnumDomainUsers answer names alice).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
load_dc_env
require_peer rpcclient tshark dumpcap
CAPTURE="$INTEROP_HOME/lib/capture.sh"
work="$(test_workdir_path)"

"$CAPTURE" start dc-samr 135 49152-65535
at_exit "'$CAPTURE' stop dc-samr"
rpcclient -s "$DC_CLIENT_CONF" -U "$DC_DOMAIN/alice%$ALICE_PASSWORD" \
  'ncacn_ip_tcp:127.0.0.1[seal]' -c enumdomusers > /dev/null
"$CAPTURE" stop dc-samr

"$CAPTURE" check dc-samr -o "ntlmssp.nt_password:$ALICE_PASSWORD"
"$CAPTURE" dump dc-samr -o "ntlmssp.nt_password:$ALICE_PASSWORD" > "$work/dissect.txt"
check_contains "decrypted SAMR" "$work/dissect.txt" 'Operation: EnumDomainUsers \(13\)' 'Name: alice'
echo "sealed SAMR decrypted by tshark"
