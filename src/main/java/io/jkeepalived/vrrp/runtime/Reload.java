package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.VrrpConfig;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.net.AddressControl;
import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.NetException;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import io.jkeepalived.vrrp.fsm.VrrpState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP on the event loop, in keepalived 2.2.7's order (vrrp_daemon.c sigreload_vrrp, reload_vrrp_thread,
 * start_vrrp; vrrp.c clear_diff_vrrp, restore_vrrp_state; vrrp_scheduler.c vrrp_init_state):
 * <ol>
 * <li>every MASTER sends one more advert, then "Reloading";</li>
 * <li>the new configuration's instances are built (sockets reused where interface, family and protocol
 * agree), "Reload complete";</li>
 * <li>instances the new configuration no longer has ({@link ReloadMatch}) are dropped: a MASTER sends
 * priority 0 and removes its VIPs;</li>
 * <li>kept instances: VIPs no longer configured are deleted ("ip address A/P dev D, no longer exist"), then
 * the instance resumes its old state (a MASTER re-sets its VIPs, advertises at once and sends a GARP
 * burst only when addresses were added; a BACKUP restarts its master-down timer; FAULT starts over);</li>
 * <li>new instances start as at start-up, without vrrp_startup_delay.</li>
 * </ol>
 */
final class Reload {
    private static final Logger log = LoggerFactory.getLogger(Reload.class);

    private final VrrpRuntime rt;

    Reload(VrrpRuntime rt) {
        this.rt = rt;
    }

    void apply(VrrpConfig config, GlobalDefs.Vrrp globals, long now) {
        List<InstanceRuntime> old = List.copyOf(rt.instances);
        for (InstanceRuntime i : old) i.advertBeforeReload();
        log.info("Reloading");

        // the old instances leave the sockets' tables; their VIPs and sockets stay until the diff
        for (AdvertSocket s : rt.sockets.values()) Arrays.fill(s.byVrid, null);
        rt.instances.clear();
        rt.noSourceAddress.clear();
        rt.configure(config, globals);
        rt.refreshLinks();
        rt.reloadStatics();
        rt.pace();
        List<InstanceRuntime> built = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            InstanceRuntime i = rt.build(v);
            if (i != null) built.add(i);
        }
        log.info("Reload complete");

        List<ReloadMatch.Key> oldKeys = new ArrayList<>();
        for (InstanceRuntime i : old) oldKeys.add(ReloadMatch.Key.of(i.plan));
        List<ReloadMatch.Key> newKeys = new ArrayList<>();
        for (InstanceRuntime i : built) newKeys.add(ReloadMatch.Key.of(i.plan));
        int[] kept = ReloadMatch.match(oldKeys, newKeys);

        for (int o = 0; o < old.size(); o++) {
            if (kept[o] < 0) old.get(o).deleted(now);
        }
        // the sync groups are made again over the new instances (vrrp_sync.c vrrp_sync_set_group)
        Map<String, VrrpState> groupWas = new java.util.HashMap<>();
        for (SyncGroupRuntime g : rt.groups) groupWas.put(g.name(), g.state());
        rt.groups.clear();
        rt.groups.addAll(SyncGroupRuntime.build(rt.config().syncGroups(), rt.instances, rt.listener()));
        VrrpEvent[] first = new VrrpEvent[built.size()];
        VrrpState[] previous = new VrrpState[built.size()];
        for (int o = 0; o < old.size(); o++) {
            if (kept[o] < 0) continue;
            InstanceRuntime was = old.get(o);
            InstanceRuntime successor = built.get(kept[o]);
            boolean added = false;
            if (was.vips().isSet()) {
                VipDiff diff = VipDiff.of(was.vips().addresses(), successor.vips().addresses());
                removeGone(was, successor.plan.name(), diff, rt.effects().addresses());
                added = !diff.added().isEmpty();
            }
            successor.takeRoutingFrom(was);
            previous[kept[o]] = was.machine.state();
            first[kept[o]] = new VrrpEvent.Resume(was.machine.state(), added);
            was.release();
        }
        rt.retrack(now);
        for (int n = 0; n < built.size(); n++) rt.prime(built.get(n), previous[n] == VrrpState.FAULT, now);
        for (SyncGroupRuntime g : rt.groups) {
            boolean allMaster = true;
            for (InstanceRuntime m : g.members()) {
                int n = built.indexOf(m);
                allMaster &= n >= 0 && previous[n] == VrrpState.MASTER;
            }
            g.resume(now, allMaster, groupWas.get(g.name()));
        }
        for (int n = 0; n < built.size(); n++) built.get(n).handle(first[n] != null ? first[n] : VrrpEvent.START, now);
        rt.startScripts(now);
        closeUnused(rt.sockets);
        // VMACs of dropped instances go once no instance uses them (clear_diff_vrrp)
        List<String> vmacsInUse = new ArrayList<>();
        for (InstanceRuntime i : built) {
            if (i.plan.instance().vmac() != null) {
                vmacsInUse.add(VmacLinks.name(i.plan.instance(), globals == null ? null : globals.vmacPrefix()));
            }
        }
        rt.vmacs.retain(vmacsInUse);
        rt.startReceivers();
    }

    /**
     * clear_diff_vrrp_vip: addresses the kept instance had set and no longer has go, each said once under
     * the instance's new name (address_exist logs with the new configuration's instance).
     */
    private static void removeGone(InstanceRuntime was, String newName, VipDiff diff, AddressControl kernel) {
        for (int k = 0; k < diff.removed().size(); k++) {
            InterfaceAddress a = diff.removed().get(k);
            log.info("({}) ip address {}/{} dev {}, no longer exist", newName, a.address().getHostAddress(),
                    a.prefixLength(), was.vips().device(diff.removedIndexes().get(k)));
            try {
                kernel.deleteAddress(a);
            } catch (NetException e) {
                // already gone
            }
        }
    }

    private static void closeUnused(Map<String, AdvertSocket> sockets) {
        for (Iterator<AdvertSocket> it = sockets.values().iterator(); it.hasNext(); ) {
            AdvertSocket s = it.next();
            if (!s.inUse()) {
                s.close();
                it.remove();
            }
        }
    }
}
