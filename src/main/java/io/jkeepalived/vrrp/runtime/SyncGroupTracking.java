package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.SyncGroup;
import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.model.VrrpConfig;
import io.jkeepalived.config.model.VrrpInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sync group's own track_interface / track_script / track_file / track_process / track_bfd, applied to
 * every member as keepalived does (vrrp.c sync_group_tracking_init): each member tracks them as if they
 * were its own, so whatever builds an instance's trackers builds the group's too. A group with an address
 * owner among its members loses the weights (the config check reports it). The group's
 * notify_priority_changes, when set, overrides the members' (vrrp.c vrrp_complete_instance).
 */
final class SyncGroupTracking {
    private SyncGroupTracking() {
    }

    static VrrpConfig apply(VrrpConfig config) {
        if (config.syncGroups().isEmpty()) return config;
        Map<String, SyncGroup> groupOf = new HashMap<>();
        for (SyncGroup g : config.syncGroups()) {
            for (String m : g.members()) groupOf.putIfAbsent(m, g);
        }
        Map<String, Boolean> hasOwner = new HashMap<>();
        for (VrrpInstance v : config.instances()) {
            SyncGroup g = groupOf.get(v.name());
            if (g != null && v.isOwner()) hasOwner.put(g.name(), true);
        }
        List<VrrpInstance> out = new ArrayList<>();
        boolean changed = false;
        for (VrrpInstance v : config.instances()) {
            SyncGroup g = groupOf.get(v.name());
            if (g == null || !hasGroupTracking(g) && g.notifyPriorityChanges() == null) {
                out.add(v);
                continue;
            }
            boolean dropWeights = hasOwner.getOrDefault(g.name(), false);
            out.add(withGroup(v, g, dropWeights));
            changed = true;
        }
        if (!changed) return config;
        return new VrrpConfig(out, config.syncGroups(), config.scripts(), config.trackFiles(),
                config.trackProcesses(), config.bfdInstances(), config.trackGroups(), config.staticAddresses(),
                config.staticRoutes(), config.staticRules(), config.garpGroups(), config.linkbeatInterfaces(),
                config.interfaceDelays());
    }

    private static boolean hasGroupTracking(SyncGroup g) {
        return !g.trackInterfaces().isEmpty() || !g.trackScripts().isEmpty() || !g.trackFiles().isEmpty()
                || !g.trackProcesses().isEmpty() || !g.trackBfds().isEmpty();
    }

    private static List<Tracked> plus(List<Tracked> own, List<Tracked> group, boolean dropWeights) {
        if (group.isEmpty()) return own;
        List<Tracked> all = new ArrayList<>(own);
        for (Tracked t : group) all.add(dropWeights ? new Tracked(t.name(), 0, t.reverse()) : t);
        return all;
    }

    private static VrrpInstance withGroup(VrrpInstance v, SyncGroup g, boolean dropWeights) {
        Boolean npc = g.notifyPriorityChanges() != null ? g.notifyPriorityChanges() : v.notifyPriorityChanges();
        return new VrrpInstance(v.name(), v.initialState(), v.interfaceName(), v.vrf(), v.vrid(), v.priority(),
                v.advertIntMicros(), v.version(), v.ipv6(), v.authentication(), v.vips(), v.excludedVips(),
                v.routes(), v.rules(), plus(v.trackInterfaces(), g.trackInterfaces(), dropWeights),
                plus(v.trackScripts(), g.trackScripts(), dropWeights),
                plus(v.trackFiles(), g.trackFiles(), dropWeights),
                plus(v.trackProcesses(), g.trackProcesses(), dropWeights),
                plus(v.trackBfds(), g.trackBfds(), dropWeights), v.dontTrackPrimary(), v.trackSrcIp(), v.srcIp(),
                v.unicast(), v.unicastPeers(), v.unicastFaultNoPeer(), v.checkUnicastSrc(), v.unicastTtl(),
                v.mcastDstIp(), v.vmac(), v.useVmacAddr(), v.vmacXmitBase(), v.promoteSecondaries(), v.garp(),
                v.downTimerAdverts(), v.lowerPrioNoAdvert(), v.higherPrioSendAdvert(), v.skipCheckAdvAddr(),
                v.strict(), v.accept(), v.nopreempt(), v.preemptDelayMicros(), v.notifyScripts(), v.smtpAlert(),
                npc, v.kernelRxBufSize(), v.debug(), v.oldUnicastChecksum(), v.linkbeatUsePolling());
    }
}
