# Shared by bin/jkeepalived, bin/test and bench scripts: locate the project and Java 25, install
# missing Debian packages quietly. Sourced, never run.

# readlink -f gives the canonical path (the AOT cache records the class path, so it must not vary with
# how the launcher was reached); the rest is string work, not more processes: -t is timed (BENCHMARKS.md)
JK_HOME=$(readlink -f "${BASH_SOURCE[0]}")
JK_HOME=${JK_HOME%/bin/lib/common.sh}
JK_JAVA_HOME_DEFAULT=/usr/lib/jvm/temurin-25-jdk-amd64

jk_die() { echo "jkeepalived: $*" >&2; exit 1; }

# Sets JAVA_HOME to a Java 25 JDK or stops with a one-line explanation.
jk_java() {
  local jh=${JKEEPALIVED_JAVA_HOME:-$JK_JAVA_HOME_DEFAULT}
  if [ ! -x "$jh/bin/java" ]; then
    jk_die "Java 25 is required but $jh/bin/java does not exist (install Temurin 25 there, or set JKEEPALIVED_JAVA_HOME)"
  fi
  # The JDK's release file names its version: reading it costs nothing, unlike starting a JVM.
  local v= line
  if [ -r "$jh/release" ]; then
    while IFS= read -r line; do
      case $line in JAVA_VERSION=\"[0-9]*) v=${line#JAVA_VERSION=\"}; v=${v%%[!0-9]*}; break ;; esac
    done < "$jh/release"
  fi
  if [ -z "$v" ] || [ "$v" -lt 25 ] 2>/dev/null; then
    jk_die "Java 25 is required but $jh is Java ${v:-unknown} (set JKEEPALIVED_JAVA_HOME to a Java 25 JDK)"
  fi
  export JAVA_HOME=$jh
}

# jk_apt PKG:COMMAND ... installs each Debian package whose command (or dpkg entry) is missing.
jk_apt() {
  local want=() spec pkg cmd
  for spec in "$@"; do
    pkg=${spec%%:*}; cmd=${spec#*:}
    if [ "$cmd" != "$spec" ] && [ -n "$cmd" ]; then
      command -v "$cmd" >/dev/null 2>&1 && continue
      [ -x "/usr/sbin/$cmd" ] && continue
    else
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && continue
    fi
    want+=("$pkg")
  done
  [ ${#want[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    jk_die "missing packages: ${want[*]} (run as root, or apt-get install them)"
  fi
  echo "jkeepalived: installing ${want[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq --no-install-recommends "${want[@]}" >/tmp/jkeepalived-apt.log 2>&1; then
    apt-get update -qq >>/tmp/jkeepalived-apt.log 2>&1
    apt-get install -y -qq --no-install-recommends "${want[@]}" >>/tmp/jkeepalived-apt.log 2>&1 \
      || jk_die "apt-get install ${want[*]} failed: see /tmp/jkeepalived-apt.log"
  fi
}

jk_mvn() {
  jk_apt maven:mvn
  (cd "$JK_HOME" && mvn -B -ntp "$@")
}

# True when the jar is missing or older than any source or build file.
jk_stale() {
  local jar=$JK_HOME/target/jkeepalived.jar
  [ -f "$jar" ] || return 0
  [ -n "$(find "$JK_HOME/pom.xml" "$JK_HOME/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]
}

# Builds the jar (and its AOT cache) when stale; several launchers at once wait on one lock.
jk_build() {
  jk_stale || jk_aot_stale || return 0
  mkdir -p "$JK_HOME/target"
  exec 9>"$JK_HOME/target/.build.lock"
  flock -x 9
  local log=$JK_HOME/target/build.log
  if jk_stale; then
    if ! jk_mvn -q package -DskipTests >"$log" 2>&1; then
      tail -n 40 "$log" >&2
      jk_die "build failed (full log: $log)"
    fi
  fi
  if jk_aot_stale; then
    rm -f "$JK_HOME/target/jkeepalived.aot" "$JK_HOME/target/jkeepalived.aot.jar"
    jk_train_aot >>"$log" 2>&1 || true
    touch "$JK_HOME/target/jkeepalived.jar"
    # a stamp with the mtime of the jar the cache was trained with (made even when training failed, so
    # that it is not retried on every start)
    touch -r "$JK_HOME/target/jkeepalived.jar" "$JK_HOME/target/jkeepalived.aot.jar"
  fi
  flock -u 9
  exec 9>&-
}

# True when the jar is not the one the AOT cache was trained with (a plain `mvn package` since): the
# cache must then be trained again, and is not used until it is (jk_jvm_opts).
jk_aot_stale() {
  local jar=$JK_HOME/target/jkeepalived.jar stamp=$JK_HOME/target/jkeepalived.aot.jar
  [ -f "$stamp" ] && [ ! "$jar" -nt "$stamp" ] && [ ! "$jar" -ot "$stamp" ] && return 1
  return 0
}

JK_CP() { echo "$JK_HOME/target/jkeepalived.jar:$JK_HOME/target/lib/*"; }

# JVM settings for the daemon: FFM native access, a small heap and serial GC (a few MB of live
# state), no perf-data file in /tmp, and the AOT cache when the build made one. Takes the command line:
# the config test (-t) is a short run timed against keepalived's (docs/BENCHMARKS.md), where C1 alone
# is faster (C2's compilations cost more than they save in a fraction of a second; measured 0.18 s
# against 0.27 s on 80,000 lines) and a young generation of 64 MB leaves at most one collection (8% faster
# than 8 MB's five, for 10 MB more RSS). The daemon runs C1 alone too, with one compiler thread, and
# gives freed native memory back every 2 s (TrimNativeHeapInterval: compiler arenas left in malloc's
# free lists): measured with 1 and 1,000 VRRP instances, RSS 62.6 -> 54.2 MiB and 90 -> 62.6 MiB, CPU
# to all-MASTER lower, steady state 0.3% of a core against C2's 0.15% (docs/BENCHMARKS.md; JK_TIER=4 brings C2 back).
jk_jvm_opts() {
  local tier=1 heap=(-Xms4m) daemon=(-XX:TrimNativeHeapInterval=2000) a
  for a in "$@"; do
    case $a in
      -t|-t*|--config-test|--config-test=*) heap=(-Xms72m -Xmn64m); daemon=() ;;
    esac
  done
  tier=${JK_TIER:-$tier}
  # tiered compilation (C2) needs two compiler threads
  [ ${#daemon[@]} -gt 0 ] && [ "$tier" = 1 ] && daemon+=(-XX:CICompilerCount=1)
  JK_JVM_OPTS=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC "${heap[@]}" "${daemon[@]}" -Xmx256m
               -Xss512k -XX:-UsePerfData -XX:TieredStopAtLevel="$tier")
  if [ -f "$JK_HOME/target/jkeepalived.aot" ] && ! jk_aot_stale; then
    JK_JVM_OPTS+=(-XX:AOTCache="$JK_HOME/target/jkeepalived.aot" -Xlog:aot=off -Xlog:cds=off)
  fi
}

# A training run of the config test on the bundled examples, and on an LVS configuration of the
# benchmark's shape (bench/config-test), records the classes start-up loads (Java 25 AOT cache,
# JEP 483/514) and their linked call sites, which cuts start-up time; see docs/BENCHMARKS.md.
jk_train_aot() {
  local aot=$JK_HOME/target/jkeepalived.aot train=$JK_HOME/target/aot-training
  rm -rf "$train"
  mkdir -p "$train"
  cp -r "$JK_HOME/examples/." "$train/"
  # 10 virtual servers x 100 real servers: every class and call site of the big run, in a second
  "$JK_HOME/bench/config-test/gen-lvs-config.sh" 10 100 > "$train/lvs-bench.conf" 2>/dev/null || true
  "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$aot" -XX:+UseSerialGC -Xss512k -XX:-UsePerfData \
     --enable-native-access=ALL-UNNAMED -cp "$(JK_CP)" io.jkeepalived.daemon.Main --aot-training \
     "$train" </dev/null >/dev/null 2>&1
}
