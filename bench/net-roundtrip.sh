#!/usr/bin/env bash
# JMH: a VRRP advert sent on a raw protocol-112 socket in one network namespace and received in another
# (veth + bridge), IPv4 and IPv6: round-trip latency (SampleTime: median, p99) and, with -prof gc,
# bytes allocated per packet. Root only (it makes jkt-PID-N namespaces and removes them).
# Usage: bench/net-roundtrip.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
export JAVA_HOME=${JKEEPALIVED_JAVA_HOME:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
[ "$(id -u)" = 0 ] || { echo "net-roundtrip: must run as root (network namespaces)" >&2; exit 1; }
mvn -q -B -ntp -DskipTests install >target-bench-install.log 2>&1 || { cat target-bench-install.log >&2; exit 1; }
rm -f target-bench-install.log
mvn -q -B -ntp -f bench/net/pom.xml package
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar bench/net/target/benchmarks.jar \
    AdvertRoundTrip -prof gc "$@"
