# A throwaway lab of network namespaces on one bridge, for the demo and the VRRP benchmarks. Sourced.
# The caller defines die() and removes "$1-*" namespaces on exit.

# lab_bridge PREFIX NODE... : namespace PREFIX-sw holds bridge br0; each NODE gets namespace PREFIX-NODE with
# eth0 on the bridge at 10.99.0.N/24, N counting from 1 in argument order.
lab_bridge() {
  local p=$1 node n=0
  shift
  ip netns add "$p-sw" && ip -n "$p-sw" link add br0 type bridge && ip -n "$p-sw" link set br0 up \
    || die "cannot make the switch namespace"
  for node in "$@"; do
    n=$((n + 1))
    ip netns add "$p-$node" || die "cannot make namespace $p-$node"
    ip -n "$p-sw" link add "p$node" type veth peer name eth0 netns "$p-$node"
    ip -n "$p-sw" link set "p$node" master br0 up
    ip -n "$p-$node" link set lo up
    ip -n "$p-$node" link set eth0 up
    ip -n "$p-$node" addr add "10.99.0.$n/24" dev eth0
  done
}
