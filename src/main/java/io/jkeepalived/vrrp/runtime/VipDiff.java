package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.net.InterfaceAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A kept instance's virtual addresses before and after a reload (vrrp_ipaddress.c get_diff_address,
 * address_exist, compare_ipaddress): the same address is one with equal interface, address, prefix
 * length, scope and label. Pure.
 *
 * @param removed old addresses the new configuration no longer has (keepalived deletes them if set)
 * @param added   new addresses the old configuration did not have (a MASTER adds them and sends GARPs)
 */
record VipDiff(List<InterfaceAddress> removed, List<Integer> removedIndexes, List<InterfaceAddress> added) {

    VipDiff {
        removed = List.copyOf(removed);
        removedIndexes = List.copyOf(removedIndexes);
        added = List.copyOf(added);
    }

    static VipDiff of(List<InterfaceAddress> old, List<InterfaceAddress> updated) {
        List<InterfaceAddress> removed = new ArrayList<>();
        List<Integer> removedIndexes = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!contains(updated, old.get(i))) {
                removed.add(old.get(i));
                removedIndexes.add(i);
            }
        }
        List<InterfaceAddress> added = new ArrayList<>();
        for (InterfaceAddress a : updated) {
            if (!contains(old, a)) added.add(a);
        }
        return new VipDiff(removed, removedIndexes, added);
    }

    static boolean same(InterfaceAddress x, InterfaceAddress y) {
        return x.ifIndex() == y.ifIndex() && x.address().equals(y.address()) && x.prefixLength() == y.prefixLength()
                && x.scope() == y.scope() && Objects.equals(x.label(), y.label());
    }

    private static boolean contains(List<InterfaceAddress> list, InterfaceAddress a) {
        for (InterfaceAddress x : list) {
            if (same(x, a)) return true;
        }
        return false;
    }
}
