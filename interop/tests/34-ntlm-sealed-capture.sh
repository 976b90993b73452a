#!/usr/bin/env bash
# tshark decrypts msrpc4j NTLM sealed sessions given the password, with no malformed packet:
# (a) the msrpc4j client (./msrpc samr [seal]) against the DC, (b) rpcclient [seal] against
# ./msrpc serve --accounts (the msrpc4j server's sealing).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
. "$INTEROP_HOME/lib/serve.sh"
load_dc_env
require_peer tshark dumpcap rpcclient
CAPTURE="$INTEROP_HOME/lib/capture.sh"
work="$(test_workdir_path)"
ran=0

if msrpc_has_command samr; then
  echo "== (a) ./msrpc samr [seal] -> DC"
  "$CAPTURE" start msrpc-samr 135 49152-65535
  at_exit "'$CAPTURE' stop msrpc-samr"
  "$MSRPC" samr 'ncacn_ip_tcp:127.0.0.1[seal]' -U "EXAMPLE/alice%$ALICE_PASSWORD" enum-users > /dev/null
  "$CAPTURE" stop msrpc-samr
  "$CAPTURE" check msrpc-samr -o "ntlmssp.nt_password:$ALICE_PASSWORD"
  "$CAPTURE" dump msrpc-samr -o "ntlmssp.nt_password:$ALICE_PASSWORD" > "$work/a.txt"
  check_contains "decrypted msrpc4j client session" "$work/a.txt" 'Operation: EnumDomainUsers \(13\)' 'Name: alice'
  ran=$((ran + 1))
fi

if msrpc_has_command serve && msrpc_has_option serve --accounts; then
  echo "== (b) rpcclient [seal] -> ./msrpc serve --accounts"
  start_serve --accounts "$INTEROP_HOME/fixtures/accounts.yaml"
  "$CAPTURE" start msrpc-serve "$SERVE_PORT"
  at_exit "'$CAPTURE' stop msrpc-serve"
  rpcclient -s "$DC_CLIENT_CONF" -U 'EXAMPLE/alice%Alic3Pass!x' "ncacn_ip_tcp:$SERVE_HOST[$SERVE_PORT,seal]" \
    -c 'echoaddone 41; echodata 3000' > /dev/null
  "$CAPTURE" stop msrpc-serve
  "$CAPTURE" check msrpc-serve -o 'ntlmssp.nt_password:Alic3Pass!x'
  "$CAPTURE" dump msrpc-serve -o 'ntlmssp.nt_password:Alic3Pass!x' > "$work/b.txt"
  # tshark shows the plaintext of each sealed stub; AddOne(41)'s answer decrypts to 42 (2a000000).
  check_contains "decrypted msrpc4j server session" "$work/b.txt" 'Decrypted stub data: 29000000' 'Decrypted stub data: 2a000000'
  ran=$((ran + 1))
fi
[ "$ran" -gt 0 ] || skip "neither './msrpc samr' nor './msrpc serve --accounts' exists yet"
echo "$ran sealed session(s) decrypted by tshark"
