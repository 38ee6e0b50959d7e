#!/usr/bin/env bash
# A real IPVS for tests on a host kernel that lacks it: runs a host command as root inside a small QEMU
# guest booted from Debian's own kernel (which ships IPVS as modules), with the host's root shared
# read-only into the guest and chrooted into (docs: /work/shared/notes/ipvs-in-qemu.md).
#
#   ipvs-guest.sh build                    make the guest kernel + initramfs (cached; quiet)
#   ipvs-guest.sh run [-v] [-t SECS] -- COMMAND [ARG...]
#
# run: the command runs in the guest as root, in the chrooted host root with its own proc, sys, dev,
# devpts and tmpfs on /tmp, /run and /dev/shm (the host's /tmp is NOT visible), cwd = the host's cwd when
# visible, lo up, every IPVS scheduler, dummy, ipip and ip6_tunnel loaded, a syslog sink.
# Its stdout and stderr come back on ours and its exit status is ours; 124 when the guest did not finish
# within SECS (default 300, or JK_GUEST_TIMEOUT), 125 when the guest failed before reporting a status
# (its console is then shown on stderr). -v reports boot-to-command and total times on stderr.
# Guest files are cached in JK_GUEST_CACHE (default /var/cache/jkeepalived/guest), outside the work tree
# so a clean clone reuses them; they are rebuilt when missing. Needs root (QEMU's 9p shares of /).
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/common.sh"

CACHE=${JK_GUEST_CACHE:-/var/cache/jkeepalived/guest}
# bumped whenever the guest's /init or module list changes, so an old cache is rebuilt
FORMAT=1
# every IPVS scheduler of Debian's 6.1 kernel, the tunnel/dummy drivers the host kernel lacks, and what
# the 9p shares need (modprobe pulls dependencies from modules.dep)
MODULES="virtio_pci 9pnet_virtio 9p crc32c_generic ip_vs ip_vs_rr ip_vs_wrr ip_vs_lc ip_vs_wlc ip_vs_lblc
 ip_vs_lblcr ip_vs_dh ip_vs_sh ip_vs_sed ip_vs_nq ip_vs_fo ip_vs_ovf ip_vs_mh dummy ipip ip6_tunnel"

say() { [ "${VERBOSE:-0}" = 1 ] && echo "ipvs-guest: $*" >&2; return 0; }

guest_ready() {
  [ -f "$CACHE/vmlinuz" ] && [ -f "$CACHE/initrd.gz" ] && [ "$(cat "$CACHE/stamp" 2>/dev/null)" = "format=$FORMAT" ]
}

# The guest's /init (busybox sh): load modules, mount the host root and the run's share, run the command
# chrooted, write its status to the share, power off.
write_init() {
  cat > "$1" <<'EOF'
#!/bin/sh
export PATH=/bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in $(cat /etc/jk-modules); do modprobe "$m" || echo "guest: cannot load $m"; done
run=; for a in $(cat /proc/cmdline); do case $a in jk.run=*) run=${a#jk.run=} ;; esac; done
h=/host; mkdir -p $h
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose hostroot $h || echo "guest: no host root"
mount -t proc proc $h/proc; mount -t sysfs sys $h/sys; mount -t devtmpfs dev $h/dev
mkdir -p $h/dev/pts $h/dev/shm; mount -t devpts devpts $h/dev/pts; mount -t tmpfs tmpfs $h/dev/shm
mount -t tmpfs tmpfs $h/tmp; mount -t tmpfs tmpfs $h/run
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 out $h$run || echo "guest: no run share"
ip link set lo up
# devtmpfs is one instance: the /dev/log socket made here is the chroot's too
syslogd -O $h$run/syslog
cut -d' ' -f1 /proc/uptime > $h$run/started
chroot $h /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  /bin/bash "$run/cmd" > $h$run/stdout 2> $h$run/stderr
echo $? > $h$run/rc.tmp && mv $h$run/rc.tmp $h$run/rc
sync; umount $h$run
poweroff -f
EOF
  chmod 755 "$1"
}

build() {
  guest_ready && return 0
  jk_apt qemu-system-x86:qemu-system-x86_64
  mkdir -p "$CACHE"
  exec 8>"$CACHE/.lock"
  flock -x 8
  guest_ready && return 0
  local work pkg kver deps m f
  work=$(mktemp -d "$CACHE/build.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  [ -n "$pkg" ] || { apt-get update -qq >/dev/null 2>&1 || true
    pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}'); }
  [ -n "$pkg" ] || jk_die "ipvs-guest: cannot find Debian's kernel package (apt-cache depends linux-image-amd64)"
  echo "ipvs-guest: building the guest from $pkg into $CACHE (once)" >&2
  # apt's sandbox user cannot write in a root-owned mktemp dir
  chmod 755 "$work"
  (cd "$work" && apt-get download -qq "$pkg" busybox-static >/dev/null 2>&1) \
    || jk_die "ipvs-guest: apt-get download $pkg busybox-static failed"
  dpkg -x "$work"/linux-image-*.deb "$work/k"
  dpkg -x "$work"/busybox-static_*.deb "$work/bb"
  kver=${pkg#linux-image-}
  local bb=$work/bb/bin/busybox root=$work/root
  "$bb" depmod -b "$work/k" "$kver"
  mkdir -p "$root/bin" "$root/etc" "$root/proc" "$root/sys" "$root/dev" "$root/lib/modules/$kver"
  cp "$bb" "$root/bin/busybox"
  for f in $("$bb" --list); do [ "$f" = busybox ] || ln -s busybox "$root/bin/$f"; done
  # each wanted module and what modules.dep says it needs
  deps=$(for m in $MODULES; do
    awk -v m="$m" '{ n=$1; sub(/:$/,"",n); b=n; sub(/.*\//,"",b); sub(/\.ko$/,"",b); gsub(/-/,"_",b)
                     if (b==m) { for (i=1;i<=NF;i++) { x=$i; sub(/:$/,"",x); print x } } }' \
        "$work/k/lib/modules/$kver/modules.dep"
  done | sort -u)
  for f in $deps; do
    mkdir -p "$root/lib/modules/$kver/$(dirname "$f")"
    cp "$work/k/lib/modules/$kver/$f" "$root/lib/modules/$kver/$f"
  done
  "$bb" depmod -b "$root" "$kver"
  echo $MODULES | tr ' ' '\n' > "$root/etc/jk-modules"
  write_init "$root/init"
  (cd "$root" && find . | "$bb" cpio -o -H newc 2>/dev/null | gzip -1) > "$work/initrd.gz"
  mv "$work/initrd.gz" "$CACHE/initrd.gz"
  cp "$work/k/boot/vmlinuz-$kver" "$CACHE/vmlinuz"
  echo "format=$FORMAT" > "$CACHE/stamp"
  echo "$kver" > "$CACHE/kernel"
  rm -rf "$work"; trap - EXIT
  flock -u 8
}

run() {
  local timeout=${JK_GUEST_TIMEOUT:-300}
  while [ $# -gt 0 ]; do
    case $1 in
      -v) VERBOSE=1; shift ;;
      -t) timeout=$2; shift 2 ;;
      --) shift; break ;;
      *) break ;;
    esac
  done
  [ $# -gt 0 ] || jk_die "ipvs-guest: usage: ipvs-guest.sh run [-v] [-t SECS] -- COMMAND [ARG...]"
  [ "$(id -u)" = 0 ] || jk_die "ipvs-guest: needs root"
  build
  local share t0 t1 rc=0 a
  mkdir -p "$CACHE/runs"
  dir=$(mktemp -d "$CACHE/runs/run.XXXXXX")
  share=$dir/share
  mkdir "$share"
  trap 'rm -rf "$dir"' EXIT
  {
    printf 'cd %q 2>/dev/null || cd /\n' "$PWD"
    printf 'exec'; for a in "$@"; do printf ' %q' "$a"; done; printf '\n'
  } > "$share/cmd"
  t0=$(date +%s.%N)
  timeout -k 5 "$timeout" qemu-system-x86_64 -accel tcg,thread=multi -cpu max -smp 2 -m 1024 \
    -bios /usr/share/qemu/qboot.rom -display none -monitor none -serial "file:$dir/console" \
    -no-reboot -nic none -kernel "$CACHE/vmlinuz" -initrd "$CACHE/initrd.gz" \
    -append "console=ttyS0 quiet loglevel=1 no_timer_check panic=-1 jk.run=$share" \
    -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
    -virtfs "local,path=$share,mount_tag=out,security_model=none,multidevs=remap" \
    </dev/null >"$dir/qemu.log" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  [ -f "$share/stdout" ] && cat "$share/stdout"
  [ -f "$share/stderr" ] && cat "$share/stderr" >&2
  if [ -f "$share/rc" ]; then
    rc=$(cat "$share/rc")
  else
    echo "ipvs-guest: the guest reported no status (qemu exit $rc); console and QEMU messages:" >&2
    tail -n 40 "$dir/console" "$dir/qemu.log" >&2 2>/dev/null || true
    [ "$rc" = 124 ] || rc=125
  fi
  # the share's files carry the host's clock: QEMU writes them
  local ts; ts=$(date -r "$share/started" +%s.%N 2>/dev/null || echo "$t1")
  say "$(awk -v a="$t0" -v b="$t1" -v s="$ts" \
    'BEGIN { printf "command started %.1f s after QEMU; QEMU start to exit %.1f s", s-a, b-a }')"
  return "$rc"
}

case ${1:-} in
  build) build ;;
  run) shift; run "$@" ;;
  *) jk_die "ipvs-guest: usage: ipvs-guest.sh build | run [-v] [-t SECS] -- COMMAND [ARG...]" ;;
esac
