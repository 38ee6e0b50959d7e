#!/usr/bin/env bash
# VRRP advert timing jitter benchmark (issue 5): jkeepalived against Debian's keepalived 2.2.7, same run.
#
# Lab: three namespaces on a bridge (jkt-$$-bv-ka, -jk, -obs, switch jkt-$$-bv-sw), 10.99.0.0/24 only.
# keepalived (10.99.0.1, VRID 1) and jkeepalived (10.99.0.2, VRID 2) each run one VRRPv3 IPv4 instance
# alone on its VRID, so both are MASTER at once and advertise every ADV seconds side by side; the
# observer captures protocol 112 (tcpdump -tt, µs stamps) for SECS seconds per phase:
#   idle: nothing else started by this script;
#   busy: one CPU-bound shell loop per core (nproc), run beside both daemons at the same nice level.
# For each sender, lateness = interval between consecutive adverts - ADV (a master re-arms its advert
# timer from the moment it sent, RFC 5798 §6.4.3, so every interval is one measurement of wake-up and
# send delay). Reported: p50, p99 and max lateness, and the intervals longer than 3 x ADV (a backup with
# priority 255 would have taken over: Master_Down_Interval > 3 x ADV).
#
# Usage: bench/vrrp/jitter.sh [--full] [SECS (10)] [ADV seconds (0.01)]     (root)
#   --full: 60 s per phase, the issue's figure.
#   GLOBALS="vrrp_rt_priority 10" (environment): extra global_defs lines for both daemons, e.g. to compare
#   them under SCHED_RR (vrrp_rt_priority) or a nice value (vrrp_priority).
set -uo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(readlink -f "$HERE/../..")
JK="$ROOT/bin/jkeepalived"
KA=/usr/sbin/keepalived
FULL=
[ "${1:-}" = --full ] && { FULL=1; shift; }
SECS=${1:-10}
[ -n "$FULL" ] && SECS=60
ADV=${2:-0.01}
P=jkt-$$-bv
BENCH=jitter
. "$(dirname "$(readlink -f "$0")")/frame.sh"
for c in ip tcpdump setsid awk nproc "$KA"; do command -v "$c" >/dev/null || die "needs $c"; done
WORK=$(mktemp -d /tmp/jkt-bench-jitter.XXXXXX)
"$JK" -v >/dev/null 2>&1 || die "cannot run $JK"

. "$ROOT/bin/lib/lab.sh"
lab_bridge "$P" ka jk obs

conf() { # name vrid
  cat <<CONF
global_defs {
    router_id bench_$1
    vrrp_version 3
    ${GLOBALS:-}
}
vrrp_instance VI_JITTER {
    state BACKUP
    interface eth0
    virtual_router_id $2
    priority 100
    advert_int $ADV
    virtual_ipaddress {
        10.99.0.$((100 + $2))/24
    }
}
CONF
}
conf ka 1 >"$WORK/ka.conf"
conf jk 2 >"$WORK/jk.conf"

start() { # node binary
  setsid ip netns exec "$P-$1" "$2" -n -l -f "$WORK/$1.conf" -p "$WORK/$1.pid" -r "$WORK/$1.vpid" \
    -c "$WORK/$1.cpid" >>"$WORK/$1.log" 2>&1 </dev/null &
  PGIDS+=("$!")
  disown "$!"
}
has_vip() { ip -n "$P-$1" -o addr show dev eth0 2>/dev/null | grep -q " 10.99.0.$2/"; }
both_master() { has_vip ka 101 && has_vip jk 102; }
wait_for() { # timeout-ms command...
  local limit=$(( $(now_ms) + $1 )); shift
  until "$@"; do
    [ "$(now_ms)" -lt "$limit" ] || return 1
    sleep 0.05
  done
}

capture() { # phase -> $WORK/phase.cap
  ip netns exec "$P-obs" tcpdump -i eth0 -nn -tt -B 8192 --immediate-mode -l 'ip proto 112' \
    >"$WORK/$1.cap" 2>/dev/null &
  TCPDUMP_PID=$!
  sleep "$SECS"
  kill "$TCPDUMP_PID" 2>/dev/null; wait "$TCPDUMP_PID" 2>/dev/null; TCPDUMP_PID=
}

busy_start() { # one CPU-bound loop per core, in its own process group
  local i
  for i in $(seq 1 "$(nproc)"); do
    setsid bash -c 'while :; do :; done' </dev/null >/dev/null 2>&1 &
    PGIDS+=("$!")
    BUSY+=("$!")
    disown "$!"
  done
}
busy_stop() { local pg; for pg in "${BUSY[@]}"; do kill -KILL -- "-$pg" 2>/dev/null; done; BUSY=(); }

# per sender: "p50 p99 max late3 n" in ms (lateness = interval - ADV)
stats() { # capture source-ip
  awk -v src="$2" -v adv="$ADV" '$3 == src && $5 == "224.0.0.18:" { if (last) print ($1 - last - adv) * 1000; last = $1 }' "$1" \
    | sort -g | awk -v adv="$ADV" '{ v[NR] = $1 } END {
        if (NR == 0) { print "- - - - 0"; exit }
        p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
        late3 = 0; for (i = 1; i <= NR; i++) if (v[i] + adv * 1000 > 3 * adv * 1000) late3++
        printf "%.3f %.3f %.3f %d %d\n", p50, p99, v[NR], late3, NR }'
}

say "jitter bench: VRRPv3 IPv4, advert_int $ADV s, $SECS s per phase, keepalived VRID 1, jkeepalived VRID 2"
[ -n "${GLOBALS:-}" ] && say "both daemons with global_defs: $GLOBALS"
say "load: $(uptime)"
BUSY=()
start ka "$KA"
start jk "$JK"
wait_for 60000 both_master || { KEEP=1; die "both daemons never became MASTER (logs in $WORK)"; }
sleep 2 # past the start-up GARP bursts and the first compilations
capture idle
busy_start
sleep 1
say "busy phase: $(nproc) CPU-bound loops; load: $(uptime)"
capture busy
busy_stop
printf '\n| phase | implementation | adverts | p50 late | p99 late | max late | intervals > 3 x adv |\n'
printf '| --- | --- | --- | --- | --- | --- | --- |\n'
declare -A R
for phase in idle busy; do
  for impl in ka jk; do
    ip=10.99.0.1; name=keepalived
    [ "$impl" = jk ] && { ip=10.99.0.2; name=jkeepalived; }
    set -- $(stats "$WORK/$phase.cap" "$ip")
    R[$phase-$impl]=$2
    printf '| %s | %s | %s | %s ms | %s ms | %s ms | %s |\n' "$phase" "$name" "$5" "$1" "$2" "$3" "$4"
  done
done
for phase in idle busy; do
  awk -v p="$phase" -v k="${R[$phase-ka]}" -v j="${R[$phase-jk]}" 'BEGIN {
    if (k + 0 > 0) printf "%s: p99 lateness jkeepalived / keepalived = %.2f\n", p, j / k }'
done
say "load: $(uptime)"
say "reproduce: ${GLOBALS:+GLOBALS='$GLOBALS' }bench/vrrp/jitter.sh ${FULL:+--full }$SECS $ADV"
