#!/usr/bin/env bash
# Benchmark: `-t` on a config of 100 virtual servers × 100 real servers with TCP_CHECK (about 80,000 lines),
# jkeepalived against Debian's keepalived in the same run: median wall time and median peak RSS over
# N runs each, and their ratios. Runs both inside a throwaway network namespace.
# Usage: bench/config-test/run.sh [RUNS]   (as root)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/bin/lib/common.sh"
jk_java
jk_apt keepalived:keepalived time:
runs=${1:-10}
work=$(mktemp -d)
ns=jkt-$$-bench
cleanup() { ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
ip netns add "$ns"
ip -n "$ns" link set lo up
"$here/gen-lvs-config.sh" 100 100 > "$work/lvs.conf"
lines=$(wc -l < "$work/lvs.conf")
"$top/bin/jkeepalived" --version >/dev/null 2>&1   # build (and AOT-train) outside the timing

measure() { # label cmd... → prints "wall_s maxrss_kb" per run into $work/label
  local label=$1; shift
  : > "$work/$label"
  for ((i = 0; i < runs; i++)); do
    ip netns exec "$ns" /usr/bin/time -f '%e %M' -o "$work/$label.one" "$@" >/dev/null 2>&1 || true
    cat "$work/$label.one" >> "$work/$label"
  done
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

measure keepalived keepalived -t -f "$work/lvs.conf" -p "$work/k.pid" -r "$work/kv.pid" -c "$work/kc.pid"
measure jkeepalived "$top/bin/jkeepalived" -t -f "$work/lvs.conf"

kw=$(awk '{print $1}' "$work/keepalived" | median); km=$(awk '{print $2}' "$work/keepalived" | median)
jw=$(awk '{print $1}' "$work/jkeepalived" | median); jm=$(awk '{print $2}' "$work/jkeepalived" | median)
echo "config: $lines lines, $runs runs each (median)"
printf '%-12s %10s %12s\n' tool wall_s peak_rss_MiB
printf '%-12s %10s %12.1f\n' keepalived "$kw" "$(echo "$km/1024" | bc -l)"
printf '%-12s %10s %12.1f\n' jkeepalived "$jw" "$(echo "$jm/1024" | bc -l)"
printf 'ratio jkeepalived/keepalived: wall %.2f, peak RSS %.2f\n' "$(echo "$jw/$kw" | bc -l)" "$(echo "$jm/$km" | bc -l)"
