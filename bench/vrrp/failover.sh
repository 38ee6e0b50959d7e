#!/usr/bin/env bash
# VRRP take-over benchmark (issue 5): jkeepalived against Debian's keepalived 2.2.7, same lab, same run.
#
# Lab: three namespaces on a bridge (jkt-$$-bv-a, -b, -obs, switch jkt-$$-bv-sw), 10.99.0.0/24 only.
# Node A (priority 150) and node B (priority 100) run one VRRPv3 IPv4 instance with advert_int ADV.
# Per round: start both (each under setsid, its own process group), wait until A holds the VIP and B does
# not, capture protocol 112 on the observer, SIGKILL A's whole process group (no priority-0 advert; the
# group, because keepalived's parent alone turns SIGKILL of its child into a graceful stop), and read from
# the capture the time of A's last advert and of B's first one.
#   overhead = gap - Master_Down_Interval, Master_Down_Interval = 3 x ADV + (256 - 100) x ADV / 256
#   (RFC 5798 §6.1, exact: no rounding). The kill lands at a random point of A's last interval, so the
#   gap itself is the figure: the backup's timer started at A's last advert.
#
# Usage: bench/vrrp/failover.sh [ROUNDS (5)] [ADV seconds (0.05)]     (root)
set -uo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(readlink -f "$HERE/../..")
JK="$ROOT/bin/jkeepalived"
KA=/usr/sbin/keepalived
ROUNDS=${1:-5}
ADV=${2:-0.05}
P=jkt-$$-bv
VIP=10.99.0.100
BENCH=failover
. "$(dirname "$(readlink -f "$0")")/frame.sh"
for c in ip tcpdump setsid awk "$KA"; do command -v "$c" >/dev/null || die "needs $c"; done
WORK=$(mktemp -d /tmp/jkt-bench-failover.XXXXXX)
"$JK" -v >/dev/null 2>&1 || die "cannot run $JK"

. "$(dirname "$(readlink -f "$0")")/../../bin/lib/lab.sh"
lab_bridge "$P" a b obs

conf() { # name priority
  cat <<CONF
global_defs {
    router_id bench_$1
    vrrp_version 3
}
vrrp_instance VI_BENCH {
    state BACKUP
    interface eth0
    virtual_router_id 42
    priority $2
    advert_int $ADV
    virtual_ipaddress {
        $VIP/24
    }
}
CONF
}
conf a 150 >"$WORK/a.conf"
conf b 100 >"$WORK/b.conf"

start() { # impl node
  local bin=$JK; [ "$1" = ka ] && bin=$KA
  rm -f "$WORK/$2".*pid
  setsid ip netns exec "$P-$2" "$bin" -n -l -D -f "$WORK/$2.conf" -p "$WORK/$2.pid" -r "$WORK/$2.vpid" \
    -c "$WORK/$2.cpid" >>"$WORK/$1-$2.log" 2>&1 </dev/null &
  PGIDS+=("$!")
  eval "PG_$2=$!"
  disown "$!"
}
stop() { # node
  local v="PG_$1"; kill -KILL -- "-${!v}" 2>/dev/null
  local limit=$(( $(now_ms) + 5000 ))
  while kill -0 -- "-${!v}" 2>/dev/null && [ "$(now_ms)" -lt "$limit" ]; do sleep 0.02; done
  ip -n "$P-$1" addr del "$VIP/24" dev eth0 2>/dev/null
}
has_vip() { ip -n "$P-$1" -o addr show dev eth0 2>/dev/null | grep -q " $VIP/"; }
wait_for() { # timeout-ms command...
  local limit=$(( $(now_ms) + $1 )); shift
  until "$@"; do
    [ "$(now_ms)" -lt "$limit" ] || return 1
    sleep 0.02
  done
}
a_master_b_backup() { has_vip a && ! has_vip b; }
cap_has() { grep -q "IP 10.99.0.$1 > 224.0.0.18" "$CAP" 2>/dev/null; }

# exact RFC 5798 §6.1 Master_Down_Interval for B (priority 100), in microseconds
MDI_US=$(awk -v a="$ADV" 'BEGIN { us = a * 1e6; printf "%.3f", 3 * us + (256 - 100) * us / 256 }')

round() { # impl round -> $WORK/last.res: gap_us overhead_us (runs in this shell: cleanup knows its pids)
  local impl=$1 r=$2
  start "$impl" a
  start "$impl" b
  wait_for 60000 a_master_b_backup || { say "$impl round $r: A never master with B backup" >&2; return 1; }
  sleep 1 # B's timer now runs on A's adverts
  CAP="$WORK/$impl-$r.cap"
  ip netns exec "$P-obs" tcpdump -i eth0 -nn -tt --immediate-mode -l 'ip proto 112' >"$CAP" 2>/dev/null &
  TCPDUMP_PID=$!
  wait_for 10000 cap_has 1 || { say "$impl round $r: observer saw no advert from A" >&2; return 1; }
  sleep 0.3
  stop a
  wait_for 15000 cap_has 2 || { say "$impl round $r: B never advertised" >&2; return 1; }
  sleep 0.2
  kill "$TCPDUMP_PID" 2>/dev/null; wait "$TCPDUMP_PID" 2>/dev/null; TCPDUMP_PID=
  stop b
  awk -v mdi="$MDI_US" '
    / IP 10\.99\.0\.1 > 224\.0\.0\.18/ && !seenb { lasta = $1 }
    / IP 10\.99\.0\.2 > 224\.0\.0\.18/ && !seenb { firstb = $1; seenb = 1 }
    END { if (!lasta || !firstb) exit 1
          gap = (firstb - lasta) * 1e6; printf "%.0f %.0f\n", gap, gap - mdi }' "$CAP" >"$WORK/last.res"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

say "failover bench: $ROUNDS rounds per implementation, VRRPv3 IPv4, advert_int $ADV s, A 150 / B 100"
say "Master_Down_Interval(B) = $(awk -v m="$MDI_US" 'BEGIN { printf "%.3f ms", m / 1000 }')"
say "load: $(uptime)"
for impl in jk ka; do : >"$WORK/$impl.res"; done
for r in $(seq 1 "$ROUNDS"); do
  for impl in jk ka; do # interleaved, so both see the same machine load
    round "$impl" "$r" && res=$(cat "$WORK/last.res") || { KEEP=1; die "round failed; logs and captures kept in $WORK"; }
    echo "$res" >>"$WORK/$impl.res"
    set -- $res
    printf '  round %d %-11s gap %8.3f ms  overhead %8.3f ms\n' "$r" \
      "$([ "$impl" = jk ] && echo jkeepalived || echo keepalived)" \
      "$(awk -v v="$1" 'BEGIN{print v/1000}')" "$(awk -v v="$2" 'BEGIN{print v/1000}')"
  done
done
jg=$(cut -d' ' -f1 "$WORK/jk.res" | median); jo=$(cut -d' ' -f2 "$WORK/jk.res" | median)
kg=$(cut -d' ' -f1 "$WORK/ka.res" | median); ko=$(cut -d' ' -f2 "$WORK/ka.res" | median)
awk -v jg="$jg" -v jo="$jo" -v kg="$kg" -v ko="$ko" 'BEGIN {
  printf "median gap:      keepalived %.3f ms, jkeepalived %.3f ms, ratio %.3f\n", kg / 1000, jg / 1000, jg / kg
  printf "median overhead: keepalived %.3f ms, jkeepalived %.3f ms", ko / 1000, jo / 1000
  if (ko > 0) printf ", ratio %.2f", jo / ko
  printf "\n" }'
say "load: $(uptime)"
