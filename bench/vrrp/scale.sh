#!/usr/bin/env bash
# VRRP scale benchmark (issue 5): two nodes x N VRRPv3 instances, jkeepalived against Debian's keepalived
# 2.2.7 in the same run (one implementation at a time, same lab, rounds interleaved).
#
# Lab: namespaces jkt-$$-bv-n1 and -n2, each with eth0..eth3; ethI of both nodes on bridge brI of the
# switch namespace jkt-$$-bv-sw. Node addresses 10.99.I.1 / 10.99.I.2 /24; VRID v on ethI has the VIP
# 10.99.(10+I).v/32. advert_int 1, both nodes start as BACKUP, n1 priority 150, n2 priority 100, so n1
# should end MASTER of every instance and n2 BACKUP of every one, without any instance changing hands.
# Per round and implementation, both daemons start at the same moment; then:
#   settle: seconds from the start until n1 holds all N VIPs and n2 none (polled every 0.2 s);
#   flaps:  log lines of a transition that should not happen: n2 "Entering MASTER STATE", n1 leaving
#           MASTER ("Entering BACKUP STATE" after MASTER), counted over the whole run;
#   CPU:    user + system seconds of every process of both daemons (keepalived: parents and VRRP
#           children; jkeepalived: the JVMs), to settle and over the HOLD seconds after it.
#
# Usage: bench/vrrp/scale.sh [--full] [N (1000)] [ROUNDS (1)] [HOLD seconds (15)]     (root)
#   --full: 3 rounds, 60 s held after settling. SETTLE_LIMIT (environment, default 120 s): a round that has
#   not settled by then is reported as "not settled" (settle -1) and measured on. IMPLS="jk" (or "ka")
#   runs one implementation only.
set -uo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(readlink -f "$HERE/../..")
JK="$ROOT/bin/jkeepalived"
KA=/usr/sbin/keepalived
FULL=
[ "${1:-}" = --full ] && { FULL=1; shift; }
N=${1:-1000}
ROUNDS=${2:-1}
HOLD=${3:-15}
SETTLE_LIMIT=${SETTLE_LIMIT:-120}
[ -n "$FULL" ] && { ROUNDS=3; HOLD=60; }
P=jkt-$$-bv
BENCH=scale
. "$(dirname "$(readlink -f "$0")")/frame.sh"
TICK=$(getconf CLK_TCK)
[ $((N % 4)) = 0 ] && [ "$N" -le 1000 ] && [ "$N" -ge 4 ] || die "N must be a multiple of 4, 4..1000"
for c in ip setsid awk "$KA"; do command -v "$c" >/dev/null || die "needs $c"; done
WORK=$(mktemp -d /tmp/jkt-bench-scale.XXXXXX)
"$JK" -v >/dev/null 2>&1 || die "cannot run $JK"

ip netns add "$P-sw" || die "cannot make namespaces"
for n in 1 2; do ip netns add "$P-n$n" || die "cannot make namespace $P-n$n"; ip -n "$P-n$n" link set lo up; done
for i in 0 1 2 3; do
  ip -n "$P-sw" link add "br$i" type bridge && ip -n "$P-sw" link set "br$i" up || die "cannot make br$i"
  for n in 1 2; do
    ip -n "$P-sw" link add "p$n-$i" type veth peer name "eth$i" netns "$P-n$n" || die "cannot make eth$i"
    ip -n "$P-sw" link set "p$n-$i" master "br$i" up
    ip -n "$P-n$n" link set "eth$i" up
    ip -n "$P-n$n" addr add "10.99.$i.$n/24" dev "eth$i"
  done
done

conf() { # node priority
  printf 'global_defs {\n    router_id bench_scale_%s\n    vrrp_version 3\n}\n' "$1"
  local i v
  for ((i = 0; i < 4; i++)); do
    for ((v = 1; v <= N / 4; v++)); do
      printf 'vrrp_instance VI_%d_%d {\n    state BACKUP\n    interface eth%d\n    virtual_router_id %d\n' "$i" "$v" "$i" "$v"
      printf '    priority %d\n    advert_int 1\n    virtual_ipaddress {\n        10.99.%d.%d/32\n    }\n}\n' "$2" $((10 + i)) "$v"
    done
  done
}
conf n1 150 >"$WORK/n1.conf"
conf n2 100 >"$WORK/n2.conf"

vips() { ip -n "$P-$1" -o -4 addr show 2>/dev/null | grep -c '/32 '; }
settled() { [ "$(vips n1)" -ge "$N" ] && [ "$(vips n2)" = 0 ]; }
cpu_ticks() { # process group -> utime + stime of its processes and their threads, in ticks
  local pid s=0 t
  for pid in $(ps -o pid= -s "$1"); do
    t=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) && s=$((s + t))
  done
  echo "$s"
}
flaps() { # impl -> count of transitions that should not happen
  local a b
  a=$(grep -c 'Entering MASTER STATE' "$WORK/$1-n2.log")
  b=$(awk '/Entering MASTER STATE/ { m = 1 } m && /Entering BACKUP STATE/ && !/\(init\)/ { c++ } END { print c + 0 }' "$WORK/$1-n1.log")
  echo $((a + b))
}

round() { # impl round -> $WORK/last: settle_ms flaps cpu_settle_s cpu_hold_s
  local impl=$1 bin=$JK n
  [ "$impl" = ka ] && bin=$KA
  : >"$WORK/$impl-n1.log"; : >"$WORK/$impl-n2.log"
  local t0; t0=$(now_ms)
  for n in n1 n2; do
    setsid ip netns exec "$P-$n" "$bin" -n -l -f "$WORK/$n.conf" -p "$WORK/$n.pid" -r "$WORK/$n.vpid" \
      -c "$WORK/$n.cpid" >"$WORK/$impl-$n.log" 2>&1 </dev/null &
    PGIDS+=("$!")
    eval "PG_$n=$!"
    disown "$!"
  done
  local limit=$((t0 + SETTLE_LIMIT * 1000)) settle
  until settled; do
    if [ "$(now_ms)" -ge "$limit" ]; then
      say "  $impl round $2: not settled after $SETTLE_LIMIT s (n1 $(vips n1), n2 $(vips n2) VIPs of $N)"
      break
    fi
    sleep 0.2
  done
  settled && settle=$(( $(now_ms) - t0 )) || settle=-1
  local c1; c1=$(( $(cpu_ticks "$PG_n1") + $(cpu_ticks "$PG_n2") ))
  sleep "$HOLD"
  local c2; c2=$(( $(cpu_ticks "$PG_n1") + $(cpu_ticks "$PG_n2") ))
  settled || say "  $impl round $2: VIPs moved during the hold (n1 $(vips n1), n2 $(vips n2))"
  local f; f=$(flaps "$impl")
  kill -KILL -- "-$PG_n1" "-$PG_n2" 2>/dev/null
  local lim=$(( $(now_ms) + 5000 ))
  while { kill -0 -- "-$PG_n1" || kill -0 -- "-$PG_n2"; } 2>/dev/null && [ "$(now_ms)" -lt "$lim" ]; do sleep 0.05; done
  for n in n1 n2; do
    ip -n "$P-$n" -o -4 addr show | awk '/\/32 /{ print $4, $2 }' | while read -r a d; do ip -n "$P-$n" addr del "$a" dev "$d"; done
  done
  awk -v s="$settle" -v f="$f" -v c1="$c1" -v c2="$c2" -v hz="$TICK" \
    'BEGIN { printf "%d %d %.2f %.2f\n", s, f, c1 / hz, (c2 - c1) / hz }' >"$WORK/last"
}

say "scale bench: 2 nodes x $N VRRPv3 instances (4 interfaces x $((N / 4)) VRIDs), advert_int 1, n1 150 / n2 100"
say "rounds $ROUNDS, hold ${HOLD} s after settling; load: $(uptime)"
for impl in ka jk; do : >"$WORK/$impl.res"; done
IMPLS=${IMPLS:-ka jk}
for r in $(seq 1 "$ROUNDS"); do
  for impl in $IMPLS; do
    round "$impl" "$r"
    cat "$WORK/last" >>"$WORK/$impl.res"
    set -- $(cat "$WORK/last")
    printf '  round %d %-11s settle %8s  flaps %d  CPU to settle %6.2f s  CPU over %d s held %6.2f s\n' "$r" \
      "$([ "$impl" = jk ] && echo jkeepalived || echo keepalived)" \
      "$(awk -v m="$1" 'BEGIN { if (m < 0) print "never"; else printf "%.2f s", m / 1000 }')" \
      "$2" "$3" "$HOLD" "$4"
  done
done
printf '\n| implementation | settle (max of %d; s) | flaps (total) | CPU to settle (median) | CPU per held minute (median) |\n' "$ROUNDS"
printf '| --- | --- | --- | --- | --- |\n'
declare -A M=([ka]="0 0" [jk]="0 0")
for impl in $IMPLS; do
  read -r smax ftot csm chm < <(awk -v hold="$HOLD" '
    { s[NR] = $1; f += $2; c[NR] = $3; h[NR] = $4 * 60 / hold; if ($1 > smax) smax = $1; if ($1 < 0) ns++ }
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                   return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "%s %d %.2f %.2f\n", ns ? ns "-not-settled" : sprintf("%.2f", smax / 1000), f, med(c, NR), med(h, NR) }' "$WORK/$impl.res")
  M[$impl]="$csm $chm"
  printf '| %s | %s | %s | %s s | %s s |\n' "$([ "$impl" = jk ] && echo jkeepalived || echo keepalived)" \
    "$smax" "$ftot" "$csm" "$chm"
done
set -- ${M[ka]} ${M[jk]}
awk -v k1="$1" -v k2="$2" -v j1="$3" -v j2="$4" 'BEGIN {
  if (k1 > 0) printf "CPU to settle jkeepalived / keepalived = %.2f\n", j1 / k1
  if (k2 > 0) printf "CPU per held minute jkeepalived / keepalived = %.2f\n", j2 / k2 }'
say "load: $(uptime)"
say "reproduce: bench/vrrp/scale.sh ${FULL:+--full }$N $ROUNDS $HOLD"
