#!/usr/bin/env bash
# Harness sanity: the small Impacket NDRCALL definition of rpcecho used against ./msrpc serve
# encodes and decodes exactly like Samba's pidl-generated NDR (no server involved).
set -euo pipefail
. "$(dirname "$0")/../lib/common.sh"
require_peer impacket samba-python
"$PY" "$INTEROP_HOME/py/impacket_echo.py" --self-test
