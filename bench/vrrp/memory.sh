#!/usr/bin/env bash
# VRRP resident memory benchmark (issue 5): jkeepalived against Debian's keepalived 2.2.7, same run.
#
# Lab: namespace jkt-$$-bv-m holds eth0..eth3 (veth, peers in jkt-$$-bv-sink), 10.99.0.251-254/24.
# Two shapes, each daemon alone (no peer: every instance becomes MASTER and adds its VIP):
#   1 instance:      eth0, VRID 1, VIP 10.99.0.1/32
#   N instances:     4 interfaces x N/4 VRIDs (VRID v has VIP 10.99.0.v/32 on each interface)
# VRRPv3 IPv4, advert_int 1. After every instance is MASTER (all VIPs present) the daemon settles SETTLE s,
# then the RSS of all processes of its session (keepalived: parent + VRRP child; jkeepalived: the JVM) is
# summed, three times one second apart; the median is reported.
#
# Usage: bench/vrrp/memory.sh [N (1000)] [SETTLE seconds (10)]     (root)
set -uo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(readlink -f "$HERE/../..")
JK="$ROOT/bin/jkeepalived"
KA=/usr/sbin/keepalived
N=${1:-1000}
SETTLE=${2:-10}
P=jkt-$$-bv
WORK=
PG=

say() { printf '%s\n' "$*"; }
die() { say "memory bench: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

cleanup() {
  trap - EXIT INT TERM HUP
  [ -n "$PG" ] && kill -KILL -- "-$PG" 2>/dev/null
  for ns in "$P-m" "$P-sink"; do ip netns del "$ns" 2>/dev/null; done
  [ -n "$WORK" ] && [ -z "${KEEP:-}" ] && rm -rf "$WORK"
}
trap cleanup EXIT
trap 'say "interrupted: cleaning up"; exit 130' INT TERM HUP

[ "$(id -u)" = 0 ] || die "needs root"
[ $((N % 4)) = 0 ] && [ "$N" -le 1000 ] && [ "$N" -ge 4 ] || die "N must be a multiple of 4, 4..1000"
WORK=$(mktemp -d /tmp/jkt-bench-memory.XXXXXX)
"$JK" -v >/dev/null 2>&1 || die "cannot run $JK"

ip netns add "$P-m" && ip netns add "$P-sink" || die "cannot make namespaces"
ip -n "$P-m" link set lo up
for i in 0 1 2 3; do
  ip -n "$P-m" link add "eth$i" type veth peer name "s$i" netns "$P-sink" || die "cannot make eth$i"
  ip -n "$P-sink" link set "s$i" up
  ip -n "$P-m" link set "eth$i" up
  ip -n "$P-m" addr add "10.99.0.$((251 + i))/24" dev "eth$i"
done

conf() { # interfaces vrids-per-interface
  printf 'global_defs {\n    router_id bench_mem\n    vrrp_version 3\n}\n'
  local i v
  for ((i = 0; i < $1; i++)); do
    for ((v = 1; v <= $2; v++)); do
      printf 'vrrp_instance VI_%d_%d {\n    state BACKUP\n    interface eth%d\n    virtual_router_id %d\n' \
        "$i" "$v" "$i" "$v"
      printf '    priority 100\n    advert_int 1\n    virtual_ipaddress {\n        10.99.0.%d/32\n    }\n}\n' "$v"
    done
  done
}
conf 1 1 >"$WORK/1.conf"
conf 4 $((N / 4)) >"$WORK/$N.conf"

vips() { ip -n "$P-m" -o -4 addr show 2>/dev/null | grep -c '/32 '; }
all_master() { [ "$(vips)" -ge "$1" ]; }
wait_for() { # timeout-ms command...
  local limit=$(( $(now_ms) + $1 )); shift
  until "$@"; do
    [ "$(now_ms)" -lt "$limit" ] || return 1
    sleep 0.1
  done
}
rss_kb() { ps -o rss= -s "$PG" | awk '{ s += $1 } END { print s + 0 }'; }
nprocs() { ps -o pid= -s "$PG" | wc -l; }

measure() { # impl instances -> $WORK/last: "rss_kb procs ms-to-all-MASTER" (in this shell: cleanup knows PG)
  local bin=$JK; [ "$1" = ka ] && bin=$KA
  rm -f "$WORK"/*.pid
  setsid ip netns exec "$P-m" "$bin" -n -l -D -f "$WORK/$2.conf" -p "$WORK/d.pid" -r "$WORK/v.pid" \
    -c "$WORK/c.pid" >"$WORK/$1-$2.log" 2>&1 </dev/null &
  PG=$!
  disown "$PG"
  local t0; t0=$(now_ms)
  wait_for 180000 all_master "$2" || { KEEP=1; die "$1: only $(vips) of $2 instances MASTER after 180 s ($WORK)"; }
  local up=$(( $(now_ms) - t0 ))
  sleep "$SETTLE"
  local s=() k
  for k in 1 2 3; do s+=("$(rss_kb)"); [ "$k" = 3 ] || sleep 1; done
  local med; med=$(printf '%s\n' "${s[@]}" | sort -n | sed -n 2p)
  say "$med $(nprocs) $up" >"$WORK/last"
  kill -KILL -- "-$PG" 2>/dev/null
  wait_for 5000 bash -c "! kill -0 -- -$PG 2>/dev/null"
  PG=
  ip -n "$P-m" -4 addr show | awk '/\/32 /{ print $2, $NF }' | while read -r a d; do
    ip -n "$P-m" addr del "$a" dev "$d"
  done
}

say "memory bench: VRRPv3 IPv4, advert_int 1, 1 and $N instances, settle ${SETTLE} s"
say "load: $(uptime)"
declare -A R
for impl in ka jk; do
  for n in 1 "$N"; do
    measure "$impl" "$n"
    set -- $(cat "$WORK/last")
    R[$impl-$n]=$1
    printf '  %-11s %4d instance(s): RSS %7.1f MiB in %d process(es), all MASTER %.1f s after start\n' \
      "$([ "$impl" = jk ] && echo jkeepalived || echo keepalived)" "$n" \
      "$(awk -v k="$1" 'BEGIN{print k/1024}')" "$2" "$(awk -v m="$3" 'BEGIN{print m/1000}')"
  done
done
awk -v n="$N" -v k1="${R[ka-1]}" -v kn="${R[ka-$N]}" -v j1="${R[jk-1]}" -v jn="${R[jk-$N]}" 'BEGIN {
  ki = (kn - k1) / (n - 1); ji = (jn - j1) / (n - 1)
  printf "1 instance:   keepalived %.1f MiB, jkeepalived %.1f MiB, ratio %.2f\n", k1 / 1024, j1 / 1024, j1 / k1
  printf "%d instances: keepalived %.1f MiB, jkeepalived %.1f MiB, ratio %.2f\n", n, kn / 1024, jn / 1024, jn / kn
  printf "per instance: keepalived %.2f KiB, jkeepalived %.2f KiB, ratio %.2f\n", ki, ji, ji / ki }'
say "load: $(uptime)"
