package io.jkeepalived.vrrp.track;

import io.jkeepalived.config.model.Route;
import io.jkeepalived.config.model.Rule;
import io.jkeepalived.config.model.StaticTrackGroup;
import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.VrrpConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * track_group (vrrp_static_track.c static_track_group_init): every instance of a group tracks, as a
 * weight-0 interface, the interface of each static address, route ({@code dev}) and rule ({@code iif}) that
 * names the group, unless the item has {@code no_track}. The interface going down puts those instances in
 * FAULT, with keepalived's "(VI_1): entering FAULT state (interface eth1 down)" at start.
 */
public final class StaticTrackGroups {
    private StaticTrackGroups() {
    }

    /** The interfaces each instance tracks through its track_groups, by instance name. */
    public static Map<String, Set<String>> interfacesByInstance(VrrpConfig config) {
        Map<String, List<String>> members = new HashMap<>();
        for (StaticTrackGroup g : config.trackGroups()) members.put(g.name(), g.instances());
        Map<String, Set<String>> out = new HashMap<>();
        for (VirtualIp a : config.staticAddresses()) {
            if (a.trackGroup() != null && !a.noTrack()) add(out, members.get(a.trackGroup()), a.dev());
        }
        for (Route r : config.staticRoutes()) {
            if (r.trackGroup() != null && !r.noTrack()) add(out, members.get(r.trackGroup()), r.dev());
        }
        for (Rule r : config.staticRules()) {
            if (r.trackGroup() != null && !r.noTrack()) add(out, members.get(r.trackGroup()), r.options().get("iif"));
        }
        return out;
    }

    private static void add(Map<String, Set<String>> out, List<String> instances, String ifName) {
        if (instances == null || ifName == null) return;
        for (String i : instances) out.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(ifName);
    }

    /** An instance's track_interface list with its track_groups' interfaces added (weight 0) where not already there. */
    public static List<Tracked> withGroupInterfaces(List<Tracked> own, Set<String> extra) {
        if (extra == null || extra.isEmpty()) return own;
        List<Tracked> all = new ArrayList<>(own);
        for (String name : extra) {
            boolean have = false;
            for (Tracked t : own) have |= t.name().equals(name);
            if (!have) all.add(new Tracked(name, 0, false));
        }
        return all;
    }
}
