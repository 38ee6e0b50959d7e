#!/usr/bin/env bash
# jkeepalived demo: two jkeepalived nodes on a throwaway bridge elect a master by priority; the master's
# whole process group is killed (SIGKILL, no goodbye advert) and the backup takes over after the
# master-down interval (RFC 3768 §6.1: 3 × advert_int + skew). Everything lives in namespaces named
# jkt-<pid>-demo-*; the host's interfaces and addresses are never touched. Everything made is removed on
# exit, also when interrupted.
set -uo pipefail
HERE=$(dirname "$(readlink -f "$0")")
BIN=$(readlink -f "$HERE/../jkeepalived")
P=jkt-$$-demo
VIP=10.99.0.100
WORK=
PGIDS=()

say() { printf '%s\n' "$*"; }
die() { say "jkeepalived demo: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }
stamp() { local t; t=$(( $(now_ms) - T0 )); printf '[+%3d.%03ds] %s\n' $((t / 1000)) $((t % 1000)) "$*"; }

cleanup() {
  trap - EXIT INT TERM HUP
  local pg ns
  for pg in "${PGIDS[@]}"; do kill -KILL -- "-$pg" 2>/dev/null; done
  for ns in "$P-a" "$P-b" "$P-sw"; do ip netns del "$ns" 2>/dev/null; done
  [ -n "$WORK" ] && rm -rf "$WORK"
}
trap cleanup EXIT
trap 'say; say "interrupted: cleaning up"; exit 130' INT TERM HUP

[ "$(id -u)" = 0 ] || die "needs root (it makes network namespaces)"
command -v ip >/dev/null || die "needs iproute2 (ip)"
WORK=$(mktemp -d /tmp/jkeepalived-demo.XXXXXX)

say "jkeepalived demo: building (first run only)…"
"$BIN" -v >/dev/null 2>&1 || die "cannot run $BIN"

say "lab: bridge in namespace $P-sw, nodes $P-a (10.99.0.1) and $P-b (10.99.0.2), VIP $VIP"
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lab.sh"
lab_bridge "$P" a b

conf() { # name priority
  cat <<CONF
global_defs {
    router_id demo_$1
}
vrrp_instance VI_DEMO {
    state BACKUP
    interface eth0
    virtual_router_id 42
    priority $2
    advert_int 1
    virtual_ipaddress {
        $VIP/24
    }
}
CONF
}
conf a 150 >"$WORK/a.conf"
conf b 100 >"$WORK/b.conf"

start() { # node
  setsid ip netns exec "$P-$1" "$BIN" -n -l -D -f "$WORK/$1.conf" -p "$WORK/$1.pid" -r "$WORK/$1_vrrp.pid" \
    -c "$WORK/$1_check.pid" >"$WORK/$1.log" 2>&1 </dev/null &
  PGIDS+=("$!")
  disown "$!"
}
has_vip() { ip -n "$P-$1" -o addr show dev eth0 2>/dev/null | grep -q " $VIP/"; }
wait_for() { # timeout-ms command...
  local limit=$(( $(now_ms) + $1 )); shift
  until "$@"; do
    [ "$(now_ms)" -lt "$limit" ] || return 1
    sleep 0.02
  done
}
show_log() { # node
  grep -E 'Entering|received advert|sent 0 priority|Receive advertisement timeout' "$WORK/$1.log" \
    | sed "s/^/      node $1: /"
}

T0=$(now_ms)
stamp "starting node a (priority 150) and node b (priority 100), both 'state BACKUP'"
start a
start b
wait_for 60000 has_vip a || { show_log a; show_log b; die "no master elected within 60 s"; }
stamp "node a is MASTER and holds $VIP"
# both started at once: b may have timed out too before hearing a, then yields to the higher priority
b_is_backup() { ! has_vip b && [ "$(grep -oE 'Entering (MASTER|BACKUP) STATE' "$WORK/b.log" | tail -n 1)" = "Entering BACKUP STATE" ]; }
wait_for 15000 b_is_backup || { show_log b; die "node b did not settle as BACKUP"; }
stamp "node b is BACKUP (no VIP)"
show_log a
show_log b
say

# let a few adverts go by, so the backup's timer is running on the master's adverts
sleep 2.5
stamp "SIGKILL to node a's whole process group (no priority-0 advert)"
kill -KILL -- "-${PGIDS[0]}"
K=$(now_ms)
if ! wait_for 15000 has_vip b; then show_log b; die "node b did not take over within 15 s"; fi
took=$(( $(now_ms) - K ))
stamp "node b holds $VIP: take-over $((took / 1000)).$(printf '%03d' $((took % 1000))) s after the kill"
show_log b | tail -n 3
say
say "master-down interval for priority 100: 3 × 1 s + (256 − 100)/256 s = 3.609 s; the kill lands somewhere"
say "in the last advert interval, so a take-over between 2.6 s and 3.6 s is on time."
say "cleaning up (namespaces $P-*)"

