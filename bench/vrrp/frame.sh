# The common frame of the VRRP benchmarks (failover, jitter, scale). Sourced after the caller has set
# P (its namespace prefix, unique per run) and BENCH (its name for messages). On exit or interrupt it
# kills the process groups in PGIDS and the tcpdump in TCPDUMP_PID, deletes every "$P-*" namespace and
# removes WORK unless KEEP is set.
WORK=
PGIDS=()
TCPDUMP_PID=

say() { printf '%s\n' "$*"; }
die() { say "$BENCH bench: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

bench_cleanup() {
  trap - EXIT INT TERM HUP
  local pg ns
  [ -n "$TCPDUMP_PID" ] && kill "$TCPDUMP_PID" 2>/dev/null
  for pg in "${PGIDS[@]}"; do kill -KILL -- "-$pg" 2>/dev/null; done
  for ns in $(ip netns list 2>/dev/null | awk -v p="$P-" 'index($1, p) == 1 { print $1 }'); do
    ip netns del "$ns" 2>/dev/null
  done
  if [ -n "$WORK" ]; then
    if [ -n "${KEEP:-}" ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  fi
}
trap bench_cleanup EXIT
trap 'say "interrupted: cleaning up"; exit 130' INT TERM HUP

[ "$(id -u)" = 0 ] || die "needs root"
