package io.jkeepalived.config.model;

import java.util.List;

/** Everything the VRRP side reads: instances, sync groups, trackers, static addresses/routes/rules. */
public record VrrpConfig(List<VrrpInstance> instances, List<SyncGroup> syncGroups, List<VrrpScript> scripts,
                         List<TrackFile> trackFiles, List<TrackProcess> trackProcesses, List<BfdInstance> bfdInstances,
                         List<StaticTrackGroup> trackGroups, List<VirtualIp> staticAddresses,
                         List<Route> staticRoutes, List<Rule> staticRules, List<GarpGroup> garpGroups,
                         List<String> linkbeatInterfaces, List<InterfaceDelay> interfaceDelays) {
    public VrrpConfig {
        instances = List.copyOf(instances);
        syncGroups = List.copyOf(syncGroups);
        scripts = List.copyOf(scripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        bfdInstances = List.copyOf(bfdInstances);
        trackGroups = List.copyOf(trackGroups);
        staticAddresses = List.copyOf(staticAddresses);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        garpGroups = List.copyOf(garpGroups);
        linkbeatInterfaces = List.copyOf(linkbeatInterfaces);
        interfaceDelays = List.copyOf(interfaceDelays);
    }

    public static VrrpConfig empty() {
        return new VrrpConfig(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
