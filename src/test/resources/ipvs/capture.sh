#!/usr/bin/env bash
# Re-captures the IPVS generic-netlink fixtures in this directory: runs each step's ipvsadm command under
# strace in the IPVS guest (bin/lib/ipvs-guest.sh, Debian's 6.1 kernel), then splits strace's hex dumps
# of every sendmsg/recvmsg into one .bin file per syscall. Needs root and python3. See README.md.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
steps=$here/steps.txt
script='set -u
while IFS="|" read -r name cmd; do
  case $name in ""|"#"*) continue ;; esac
  echo "=== $name|$cmd"
  strace -o /tmp/t -e trace=sendmsg,recvmsg -e write=all -e read=all -s 0 bash -c "$cmd" >/tmp/o 2>&1 || true
  cat /tmp/t; echo "=== output"; cat /tmp/o
done < '"$steps"
out=$(mktemp /var/tmp/ipvs-capture.XXXXXX)
trap 'rm -f "$out"' EXIT
"$here/../../../../bin/lib/ipvs-guest.sh" run -- bash -c "$script" > "$out"
python3 "$here/split.py" "$out" "$here"
