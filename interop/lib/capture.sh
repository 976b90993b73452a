#!/usr/bin/env bash
# Packet capture on loopback for the interop tests, and the "no malformed packet" check.
#
# Usage:
#   capture.sh start NAME PORT...   capture TCP on lo for those ports or ranges (LOW-HIGH), in the background
#   capture.sh stop NAME            stop that capture (by the PID recorded at start)
#   capture.sh check NAME [TSHARK_OPTION...]
#                                   fail when tshark reports any malformed packet, or dissects no
#                                   DCE/RPC at all; extra options (e.g. -o ntlmssp.nt_password:PASS)
#                                   go to tshark
#   capture.sh dump NAME [TSHARK_OPTION...]
#                                   full dissection (tshark -V) on stdout, for grepping
#   capture.sh file NAME            the capture's path
#
# Captures live under $MSRPC4J_RUN_DIR/captures. The given ports are also decoded as DCE/RPC
# (-d tcp.port==PORT,dcerpc), so a server on an arbitrary port is dissected without heuristics.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CAP_DIR="$MSRPC4J_RUN_DIR/captures"

cap_file()  { echo "$CAP_DIR/$1.pcapng"; }
cap_pid()   { echo "$CAP_DIR/$1.pid"; }
cap_ports() { echo "$CAP_DIR/$1.ports"; }

decode_as_args() {
  local port
  for port in $(cat "$(cap_ports "$1")" 2>/dev/null); do
    [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" != 135 ] && printf -- '-d\ntcp.port==%s,dcerpc\n' "$port"
  done
  return 0
}

start_capture() {
  local name="$1"; shift
  [ $# -gt 0 ] || die "capture.sh start NAME PORT...: at least one port"
  require_peer dumpcap tshark
  mkdir -p "$CAP_DIR"
  local filter="" port
  for port in "$@"; do
    if [[ "$port" =~ ^[0-9]+$ ]]; then
      filter+="${filter:+ or }tcp port $port"
    elif [[ "$port" =~ ^[0-9]+-[0-9]+$ ]]; then
      filter+="${filter:+ or }tcp portrange $port"   # e.g. the DC's dynamic RPC ports
    else
      die "not a port or port range: $port"
    fi
  done
  echo "$*" > "$(cap_ports "$name")"
  rm -f "$(cap_file "$name")" "$CAP_DIR/$name.stderr"
  dumpcap -q -i lo -f "$filter" -w "$(cap_file "$name")" 2> "$CAP_DIR/$name.stderr" < /dev/null &
  local pid=$!
  echo "$pid" > "$(cap_pid "$name")"
  local i
  for ((i = 0; i < 80; i++)); do
    if grep -q "Capturing on" "$CAP_DIR/$name.stderr" 2>/dev/null; then
      sleep 0.3   # the filter is attached just before the banner; give the ring a moment
      log "capturing '$name' on lo ($filter), pid $pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  cat "$CAP_DIR/$name.stderr" >&2 || true
  kill -INT "$pid" 2>/dev/null || true
  die "dumpcap did not start capturing on lo"
}

stop_capture() {
  local name="$1" pid
  pid="$(cat "$(cap_pid "$name")" 2>/dev/null || true)"
  [ -n "$pid" ] || { log "no capture '$name' running"; return 0; }
  if kill -0 "$pid" 2>/dev/null; then
    sleep 0.5   # let the last segments of the session reach the capture
    kill -INT "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 40 && $(kill -0 "$pid" 2>/dev/null && echo 1 || echo 0); i++)); do sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$(cap_pid "$name")"
  log "capture '$name' stopped: $(cap_file "$name")"
}

tshark_read() {
  local name="$1"; shift
  local file; file="$(cap_file "$name")"
  [ -s "$file" ] || die "no capture file $file (was 'capture.sh start $name' run?)"
  local decode=(); mapfile -t decode < <(decode_as_args "$name")
  # tshark warns about running as root on every read: noise in test logs.
  tshark -n -r "$file" "${decode[@]}" "$@" 2> >(grep -v "Running as user" >&2)
}

check_capture() {
  local name="$1"; shift
  require_peer tshark
  local frames dcerpc malformed errors
  frames="$(tshark_read "$name" "$@" -T fields -e frame.number | wc -l)"
  dcerpc="$(tshark_read "$name" "$@" -Y dcerpc -T fields -e frame.number | wc -l)"
  malformed="$(tshark_read "$name" "$@" -Y '_ws.malformed' -T fields -e frame.number -e _ws.col.Protocol -e _ws.col.Info)"
  errors="$(tshark_read "$name" "$@" -Y '_ws.expert.severity >= 0x00800000' -T fields -e frame.number -e _ws.expert.message | head -n 20)"
  echo "capture '$name': $frames frames, $dcerpc DCE/RPC"
  [ -z "$errors" ] || { echo "expert errors (not counted as malformed):"; sed 's/^/    /' <<<"$errors"; }
  if [ "$dcerpc" -eq 0 ]; then
    echo "FAIL: no DCE/RPC packet dissected in $(cap_file "$name")"
    return 1
  fi
  if [ -n "$malformed" ]; then
    echo "FAIL: tshark reports malformed packets:"
    sed 's/^/    /' <<<"$malformed"
    return 1
  fi
  echo "no malformed packets"
}

case "${1:-}" in
  start) shift; [ $# -ge 2 ] || die "usage: capture.sh start NAME PORT..."; start_capture "$@" ;;
  stop)  shift; [ $# -eq 1 ] || die "usage: capture.sh stop NAME"; stop_capture "$1" ;;
  check) shift; [ $# -ge 1 ] || die "usage: capture.sh check NAME [TSHARK_OPTION...]"; check_capture "$@" ;;
  dump)  shift; [ $# -ge 1 ] || die "usage: capture.sh dump NAME [TSHARK_OPTION...]"; name="$1"; shift; tshark_read "$name" -V "$@" ;;
  file)  shift; cap_file "$1" ;;
  *)     echo "usage: capture.sh start|stop|check|dump|file NAME ..." >&2; exit 2 ;;
esac
