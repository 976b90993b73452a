# Shared helpers for the interop scripts. Source it; it does not run anything by itself.
#
# Everything the suite writes lives under $MSRPC4J_INTEROP_DIR (default /tmp/msrpc4j-interop):
# the DC's provisioned state, client configs, logs and captures. Nothing else on the machine is
# written, and processes are stopped by the PIDs we recorded, never by name.

# Samba's Python bindings and Impacket are installed for Debian's /usr/bin/python3; a pyenv or
# venv python3 earlier in PATH lacks them and breaks the /usr/bin/impacket-* wrappers.
export PATH="/usr/bin:/usr/sbin:/bin:/sbin:${PATH}"
PY=/usr/bin/python3

INTEROP_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$INTEROP_HOME/.." && pwd)"
MSRPC4J_INTEROP_DIR="${MSRPC4J_INTEROP_DIR:-/tmp/msrpc4j-interop}"
export MSRPC4J_INTEROP_DIR
# Per-run files (logs, test work dirs, captures, the jar snapshot). Several runs may share the
# machine and the DC (colleagues run the suite too), so each run writes only under its own dir;
# the runner sets it, a test run by hand uses "manual".
MSRPC4J_RUN_DIR="${MSRPC4J_RUN_DIR:-$MSRPC4J_INTEROP_DIR/runs/manual}"
export MSRPC4J_RUN_DIR

# The DC's fixed facts (INTEROP-NOTES): realm, domain, users and the service account.
DC_REALM=EXAMPLE.TEST
DC_DOMAIN=EXAMPLE
DC_HOSTNAME=dc1
DC_FQDN=dc1.example.test
DC_ADMIN_PASSWORD='Adm1nPass!x'
ALICE_PASSWORD='Alic3Pass!x'
BOB_PASSWORD='B0bPass!x'
SVC_USER=rpc1svc
SVC_PASSWORD='Rpc1SvcPass!x'
SVC_HOST=rpc1.example.test
# rpc1.example.test's address in the DC's private hosts file: the Kerberos tests run ./msrpc serve
# there, with its endpoint mapper on port 135 (127.0.0.1:135 is the DC's).
SVC_IP=127.0.77.1
SVC_SPN=host/rpc1.example.test

# The command line under test. The runner points MSRPC at a snapshot of the jar it built, so that
# the suite does not rebuild (or pick up a half-written jar) while colleagues keep editing sources;
# a test run by hand uses ./msrpc, which rebuilds when sources changed.
MSRPC="${MSRPC:-$REPO_ROOT/msrpc}"

# Exit code a test uses to say "what I drive is not implemented yet" (automake's convention).
SKIP_EXIT=77

log()  { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Prints SKIP with the reason and exits with SKIP_EXIT. Use ONLY when the msrpc4j command or
# option the test drives does not exist yet; a missing peer is a failure, not a skip.
skip() { printf 'SKIP: %s\n' "$*"; exit "$SKIP_EXIT"; }

is_ci() { [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; }

# True when ./msrpc has the subcommand: `msrpc help NAME` exits 0 for a registered command and 2
# ("Unknown subcommand") otherwise. (Not `msrpc NAME --help`: picocli answers the top-level --help
# with exit 0 even when NAME is unknown.)
# Any other failure (no java, a crashing jar) is an error, so that it cannot pass for a skip.
msrpc_has_command() {
  local out rc=0
  out="$("$MSRPC" help "$1" 2>&1)" || rc=$?
  [ "$rc" -eq 0 ] && return 0
  grep -q "Unknown subcommand" <<<"$out" && return 1
  die "'$MSRPC help $1' failed (exit $rc): $(head -n 5 <<<"$out")"
}

# True when the subcommand's usage matches the option (an extended regex), e.g.
# msrpc_has_option serve --accounts, or msrpc_has_option samr "(^|[ ,])-k([ ,=]|$)"
msrpc_has_option() {
  local cmd="$1" opt="$2"
  "$MSRPC" help "$cmd" 2>&1 | grep -qE -- "$opt"
}

# Skips the calling test unless `./msrpc <cmd>` exists and mentions every given option.
require_msrpc() {
  local cmd="$1"; shift
  # A broken build is a failure of every test that needs the CLI, never a reason to skip.
  [ "${MSRPC4J_CLI_BROKEN:-}" != 1 ] || die "./msrpc does not build (see the runner's msrpc-build.log)"
  msrpc_has_command "$cmd" || skip "'./msrpc $cmd' is not implemented yet"
  local opt
  for opt in "$@"; do
    # Options may be regexes (e.g. "(^|[ ,])-k([ ,=]|$)"); the message names just the option.
    msrpc_has_option "$cmd" "$opt" || skip "'./msrpc $cmd' has no option ${opt//[()^$|[\] ,=]/} yet"
  done
}

# Fails (never skips) when a peer tool is missing: peers are installed by interop/install-peers.
require_peer() {
  local what
  for what in "$@"; do
    case "$what" in
      samba-python) "$PY" -c 'import samba.dcerpc.echo, samba.dcerpc.mgmt, samba.dcerpc.epmapper' 2>/dev/null \
                      || die "peer missing: Samba's Python bindings (apt-get install python3-samba)";;
      impacket)     "$PY" -c 'import impacket.dcerpc.v5.epm, impacket.dcerpc.v5.rpcrt' 2>/dev/null \
                      || die "peer missing: Impacket (apt-get install python3-impacket)";;
      *)            command -v "$what" >/dev/null 2>&1 || die "peer missing: $what (run interop/install-peers)";;
    esac
  done
}

# free_port [HOST]: a TCP port on HOST (default 127.0.0.1) that nothing listens on (the kernel picks it).
free_port() {
  "$PY" - "${1:-127.0.0.1}" <<'PYEOF2'
import socket, sys
s = socket.socket()
s.bind((sys.argv[1], 0))
print(s.getsockname()[1])
s.close()
PYEOF2
}

# wait_port HOST PORT SECONDS [PID]: waits until a TCP connect succeeds; fails early if PID died.
wait_port() {
  local host="$1" port="$2" secs="$3" pid="${4:-}" i
  for ((i = 0; i < secs * 4; i++)); do
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.25
  done
  return 1
}

# check_contains LABEL FILE PATTERN...: every extended regex must match somewhere in FILE.
# check_contains_ci: the same, ignoring case (UUIDs, names).
check_contains()    { _check_contains -Eq "$@"; }
check_contains_ci() { _check_contains -Eqi "$@"; }
_check_contains() {
  local flags="$1" label="$2" file="$3"; shift 3
  local pat
  for pat in "$@"; do
    if ! grep "$flags" -- "$pat" "$file"; then
      echo "FAIL: $label: expected /$pat/ in the output:" >&2
      sed 's/^/    | /' "$file" | head -n 60 >&2
      return 1
    fi
  done
}

# The calling test's scratch directory under the interop dir (created on first use, kept after the
# run for post-mortems; the runner clears the whole work tree at its start).
test_workdir_path() {
  local d="$MSRPC4J_RUN_DIR/work/$(basename "${0%.sh}")"
  mkdir -p "$d" && echo "$d"
}

# at_exit CMD...: run CMD when the test exits, however it exits (also on the TERM that the
# runner's timeout sends); commands run last-registered first.
_AT_EXIT=()
at_exit() {
  _AT_EXIT+=("$*")
  trap _run_at_exit EXIT
  trap 'exit 143' TERM
  trap 'exit 130' INT
}
_run_at_exit() {
  local rc=$? i
  for ((i = ${#_AT_EXIT[@]} - 1; i >= 0; i--)); do eval "${_AT_EXIT[i]}" || true; done
  exit "$rc"
}

# The DC's exports (paths, passwords, keytab); the runner has them already, a test run by hand
# gets them here.
load_dc_env() {
  [ -n "${DC_DIR:-}" ] || eval "$("$INTEROP_HOME/samba-dc" env)"
  "$INTEROP_HOME/samba-dc" status >/dev/null || die "the Samba DC is not running: interop/samba-dc start"
}

# The DC logs every authorization with its mechanism (log level auth_audit:4), e.g.
# "Successful AuthZ: [DCE/RPC,krb5] user [EXAMPLE]\[alice]". Tests use it to prove which
# mechanism a client really used: mark=$(dc_log_mark); ...; dc_log_since "$mark" | grep ...
dc_log_mark()  { wc -l < "$DC_LOG" 2>/dev/null || echo 0; }
dc_log_since() { tail -n +"$(( $1 + 1 ))" "$DC_LOG"; }

# kinit_user PRINCIPAL PASSWORD: a fresh MIT ccache for the test in $KRB5CCNAME (set here) using the
# DC's krb5.conf; Java gets the same krb5.conf through MSRPC_JAVA_OPTS.
kinit_user() {
  export KRB5_CONFIG="$DC_KRB5_CONFIG"
  export KRB5CCNAME="FILE:$(test_workdir_path)/ccache-${1%%@*}"
  export MSRPC_JAVA_OPTS="${MSRPC_JAVA_OPTS:-} -Djava.security.krb5.conf=$DC_KRB5_CONFIG"
  printf '%s\n' "$2" | kinit "$1" > /dev/null || die "kinit $1 failed against the DC's KDC"
}
