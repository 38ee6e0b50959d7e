package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;

import io.jkeepalived.config.model.BfdInstance;
import io.jkeepalived.config.model.GarpGroup;
import io.jkeepalived.config.model.InterfaceDelay;
import io.jkeepalived.config.model.Route;
import io.jkeepalived.config.model.Rule;
import io.jkeepalived.config.model.StaticTrackGroup;
import io.jkeepalived.config.model.TrackFile;
import io.jkeepalived.config.model.TrackProcess;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.VrrpConfig;
import io.jkeepalived.config.model.VrrpScript;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** VRRP-side blocks: the state of one load (definitions in order) and the builder of VrrpConfig. */
public final class VrrpPart {
    final List<InstanceBuilder> instances = new ArrayList<>();
    final Map<String, VrrpScript> scripts = new LinkedHashMap<>();
    final Map<String, TrackFile> trackFiles = new LinkedHashMap<>();
    final Map<String, TrackProcess> trackProcesses = new LinkedHashMap<>();
    final Map<String, BfdInstance> bfds = new LinkedHashMap<>();
    final List<SyncGroupBuilder> syncGroups = new ArrayList<>();
    final Set<String> trackGroupNames = new HashSet<>();
    final List<StaticTrackGroup> trackGroups = new ArrayList<>();
    final List<VirtualIp> staticAddresses = new ArrayList<>();
    final List<Route> staticRoutes = new ArrayList<>();
    final List<Rule> staticRules = new ArrayList<>();
    final List<GarpGroup> garpGroups = new ArrayList<>();
    final List<String> linkbeatInterfaces = new ArrayList<>();
    final List<InterfaceDelay> interfaceDelays = new ArrayList<>();
    /** keepalived's non_existent_interface_specified: the VRRP process refuses the whole config. */
    boolean nonExistentInterface;

    public static void install(Block<RootBuilder> root) {
        root.sub(KeywordInfo.of("vrrp_instance", 1, 1, ValueType.BLOCK), VrrpInstanceTable.BLOCK, (ctx, r, a) -> {
            if (a.size() != 2) {
                ctx.error(GENERAL_ERROR, "vrrp_instance must have a name");
                return null;
            }
            String name = a.word(1);
            for (InstanceBuilder i : r.vrrp.instances) {
                if (i.name.equals(name)) {
                    ctx.error(GENERAL_ERROR, "vrrp instance " + name + " already defined");
                    return null;
                }
            }
            InstanceBuilder ib = new InstanceBuilder(r, name);
            r.vrrp.instances.add(ib);
            return ib;
        }, (ctx, r, v) -> VrrpCompletion.endOfBlock(ctx, v));
        TrackerTables.install(root);
        SyncGroupTable.install(root);
        StaticTables.install(root);
    }

    public VrrpConfig build(ParseContext ctx, GlobalPart global) {
        if (nonExistentInterface) {
            ctx.errorNoLine(io.jkeepalived.config.ConfigError.BAD_IF, "Non-existent interface specified in configuration");
            return new VrrpConfig(List.of(), List.of(), List.copyOf(scripts.values()), List.copyOf(trackFiles.values()),
                    List.copyOf(trackProcesses.values()), List.copyOf(bfds.values()), trackGroups, staticAddresses,
                    staticRoutes, staticRules, garpGroups, linkbeatInterfaces, interfaceDelays);
        }
        var done = VrrpCompletion.completeAll(ctx, this, global);
        return new VrrpConfig(done.instances(), done.syncGroups(), List.copyOf(scripts.values()),
                List.copyOf(trackFiles.values()), List.copyOf(trackProcesses.values()), List.copyOf(bfds.values()),
                trackGroups, staticAddresses, staticRoutes, staticRules, garpGroups, linkbeatInterfaces,
                interfaceDelays);
    }
}
