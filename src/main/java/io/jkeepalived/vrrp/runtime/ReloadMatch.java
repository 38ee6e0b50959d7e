package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.vrrp.packet.IpFamily;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which running instance a reloaded configuration keeps (vrrp.c vrrp_exist). keepalived does not match by
 * name: an old instance lives on in the first new one with the same VRID, family and interface and the
 * same unicast-ness; for unicast the source address must also agree, for multicast the first such
 * candidate decides, and it is no match when use_vmac / use_vmac_addr or the multicast group changed.
 * Pure.
 */
final class ReloadMatch {
    /** What vrrp_exist compares. */
    record Key(int vrid, IpFamily family, String ifName, boolean unicast, InetAddress source, boolean vmac,
               boolean vmacAddr, InetAddress group) {

        static Key of(InstancePlan p) {
            boolean unicast = p.spec().unicast();
            return new Key(p.instance().vrid(), p.family(), p.interfaceName(), unicast, p.source(),
                    p.instance().vmac() != null, p.instance().useVmacAddr(),
                    unicast ? null : p.destinations().getFirst());
        }
    }

    private ReloadMatch() {
    }

    /** For each old key, the index of the new key that keeps it, or -1 when the instance is gone. */
    static int[] match(List<Key> old, List<Key> updated) {
        int[] out = new int[old.size()];
        Arrays.fill(out, -1);
        for (int o = 0; o < old.size(); o++) out[o] = find(old.get(o), updated);
        return out;
    }

    private static int find(Key o, List<Key> updated) {
        for (int n = 0; n < updated.size(); n++) {
            Key k = updated.get(n);
            if (k.vrid() != o.vrid() || k.family() != o.family() || !Objects.equals(k.ifName(), o.ifName())) continue;
            if (k.unicast() != o.unicast()) continue;
            if (k.unicast()) {
                if (!Objects.equals(k.source(), o.source())) continue;
                return n;
            }
            if (k.vmac() != o.vmac() || k.vmacAddr() != o.vmacAddr()) return -1;
            return Objects.equals(k.group(), o.group()) ? n : -1;
        }
        return -1;
    }
}
