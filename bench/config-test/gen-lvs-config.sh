#!/usr/bin/env bash
# Writes a keepalived.conf with VS virtual servers × RS real servers, each real server with a TCP_CHECK
# (defaults 100 × 100: about 80,000 lines), to stdout.
set -euo pipefail
vs=${1:-100}; rs=${2:-100}
cat <<'HEAD'
global_defs {
    router_id BENCH
}
HEAD
for ((v = 0; v < vs; v++)); do
  printf 'virtual_server 10.99.%d.%d 80 {\n    delay_loop 6\n    lb_algo wrr\n    lb_kind NAT\n    persistence_timeout 50\n    protocol TCP\n\n' $((v / 250 + 1)) $((v % 250 + 1))
  for ((r = 0; r < rs; r++)); do
    printf '    real_server 10.98.%d.%d 8080 {\n        weight 1\n        TCP_CHECK {\n            connect_timeout 3\n            retry 3\n            delay_before_retry 3\n        }\n    }\n' $((r / 250)) $((r % 250 + 1))
  done
  printf '}\n'
done
