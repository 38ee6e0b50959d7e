package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.DEPRECATED;
import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.ConfigError.SECURITY_ERROR;
import static io.jkeepalived.config.ConfigError.WARNING;

import io.jkeepalived.config.model.Authentication;
import io.jkeepalived.config.model.GarpSettings;
import io.jkeepalived.config.model.NotifyScripts;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.SyncGroup;
import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.Vmac;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.config.parse.ParseContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * keepalived's checks after the instances are read (vrrp_end_handler, then vrrp_complete_init and
 * vrrp_complete_instance in vrrp.c): script security, minimal configuration, sync groups, defaults
 * depending on strict mode, duplicate VRIDs. Messages after parsing carry no line number.
 */
final class VrrpCompletion {
    private VrrpCompletion() {}

    record Done(List<VrrpInstance> instances, List<SyncGroup> syncGroups) {}

    /** vrrp_end_handler: at the instance's closing brace. */
    static void endOfBlock(ParseContext ctx, InstanceBuilder v) {
        if (v.unicastConfigured && (v.useVmac || v.ipvlan)) {
            if (v.ifname == null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + "): Cannot use VMAC/ipvlan with unicast and no interface - clearing use_vmac");
                v.useVmac = false;
                v.ipvlan = false;
            } else if (!v.vmacXmitBase) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") unicast with use_vmac requires vmac_xmit_base - setting");
                v.vmacXmitBase = true;
            }
        }
        if (v.peers.isEmpty() && v.ttl != -1) {
            ctx.error(GENERAL_ERROR, "(" + v.name + "): Cannot use unicast_ttl without unicast peers - resetting");
            v.ttl = 0;
        }
        if (v.ifname == null) v.linkbeatUsePolling = false;
    }

    static Done completeAll(ParseContext ctx, VrrpPart p, GlobalPart g) {
        scriptSecurity(ctx, p, g);
        List<VrrpInstance> out = new ArrayList<>();
        for (InstanceBuilder v : p.instances) {
            if (v.vrid == 0) {
                ctx.errorNoLine(GENERAL_ERROR, "(" + v.name + ") the virtual router id must be set");
                return new Done(List.of(), List.of());
            }
            // keepalived 2.2.7 checks its "unicast" flag here before setting it, so every instance needs one
            if (v.ifname == null) {
                ctx.errorNoLine(GENERAL_ERROR, "(" + v.name + ") Unknown interface!");
                return new Done(List.of(), List.of());
            }
        }
        List<SyncGroup> groups = new ArrayList<>();
        java.util.Set<String> inGroup = new java.util.HashSet<>();
        for (SyncGroupBuilder sg : p.syncGroups) {
            if (sg.members == null) {
                ctx.errorNoLine(GENERAL_ERROR, "Sync group " + sg.name + " has no virtual router(s). removing");
                continue;
            }
            List<String> resolved = new ArrayList<>();
            String state = "INIT";
            for (String m : sg.members) {
                InstanceBuilder vi = p.instances.stream().filter(i -> i.name.equals(m)).findFirst().orElse(null);
                if (vi == null) {
                    ctx.errorNoLine(GENERAL_ERROR, "Virtual router " + m + " specified in sync group " + sg.name
                            + " doesn't exist - ignoring");
                    continue;
                }
                if (!inGroup.add(m)) {
                    ctx.errorNoLine(GENERAL_ERROR, "Virtual router " + m + " cannot exist in more than one sync group;"
                            + " ignoring " + sg.name);
                    continue;
                }
                resolved.add(m);
                if (state.equals("MASTER") && vi.wantState == VrrpInstance.State.BACKUP) {
                    ctx.errorNoLine(GENERAL_ERROR, "Sync group " + sg.name + " has some member(s) as address owner and"
                            + " some not as address owner. This won't work.");
                }
                if (!state.equals("BACKUP")) {
                    state = vi.wantState == VrrpInstance.State.MASTER && vi.priority == 255 ? "MASTER" : "BACKUP";
                }
            }
            if (resolved.isEmpty()) {
                ctx.errorNoLine(GENERAL_ERROR, "Sync group " + sg.name + ", no matching virtual router found in group"
                        + " declaration - removing");
                continue;
            }
            if (resolved.size() == 1) {
                ctx.errorNoLine(GENERAL_ERROR, "Sync group " + sg.name + " has only 1 virtual router(s) -"
                        + " this probably isn't what you want");
            }
            groups.add(sg.build(resolved));
        }
        java.util.Map<String, SyncGroup> groupOf = new java.util.HashMap<>();
        for (SyncGroup sg : groups) sg.members().forEach(m -> groupOf.put(m, sg));
        for (InstanceBuilder v : p.instances) {
            VrrpInstance i = InstanceCompletion.complete(ctx, v, g, groupOf.get(v.name));
            if (i == null) return new Done(out, groups);
            out.add(i);
        }
        vridConflicts(ctx, out);
        return new Done(out, groups);
    }

    /** check_vrid_conflicts: same VRID and family on the same interface (multicast). */
    private static void vridConflicts(ParseContext ctx, List<VrrpInstance> all) {
        for (int i = 0; i < all.size(); i++) {
            VrrpInstance a = all.get(i);
            for (int j = i + 1; j < all.size(); j++) {
                VrrpInstance b = all.get(j);
                if (a.vrid() != b.vrid() || a.ipv6() != b.ipv6()) continue;
                boolean ua = !a.unicastPeers().isEmpty(), ub = !b.unicastPeers().isEmpty();
                if (ua != ub) continue;
                if (ua) {
                    if (a.interfaceName() != null && b.interfaceName() != null
                            && !a.interfaceName().equals(b.interfaceName())) continue;
                    if (a.srcIp() == null || b.srcIp() == null || !a.srcIp().equals(b.srcIp())) continue;
                    boolean peer = a.unicastPeers().stream().anyMatch(p -> b.unicastPeers().stream()
                            .anyMatch(q -> q.address().equals(p.address())));
                    if (peer) {
                        ctx.errorNoLine(GENERAL_ERROR, "(" + a.name() + ") duplicate VRID conflict with " + b.name()
                                + " VRID " + a.vrid());
                    }
                    continue;
                }
                if (a.interfaceName() == null || !a.interfaceName().equals(b.interfaceName())) continue;
                if (!java.util.Objects.equals(a.mcastDstIp(), b.mcastDstIp())) continue;
                ctx.errorNoLine(GENERAL_ERROR, a.name() + " and " + b.name() + " both use VRID " + a.vrid() + " with IPv"
                        + (a.ipv6() ? 6 : 4) + " on interface " + a.interfaceName());
            }
        }
    }

    /**
     * check_vrrp_script_security (only when there is an instance): a vrrp_script whose program is missing or,
     * with enable_script_security, insecure is disabled with an error; notify scripts are dropped silently;
     * any script that would run without enable_script_security is a security violation (exit 6).
     */
    private static void scriptSecurity(ParseContext ctx, VrrpPart p, GlobalPart g) {
        if (p.instances.isEmpty()) return;
        boolean security = g.enableScriptSecurity;
        int flags = 0;
        for (var it = p.scripts.values().iterator(); it.hasNext(); ) {
            var vs = it.next();
            int f = ScriptFiles.check(vs.script());
            boolean inhibit = security && (f & ScriptFiles.INSECURE) != 0;
            if (inhibit) {
                ctx.errorNoLine(GENERAL_ERROR, "Disabling track script " + vs.name() + " due to insecure");
            } else if ((f & ScriptFiles.NOTFOUND) != 0) {
                ctx.errorNoLine(GENERAL_ERROR, "Disabling track script " + vs.name() + " since not found/accessible");
            }
            if (inhibit || (f & (ScriptFiles.EXECUTABLE | ScriptFiles.SYSTEM)) == 0) {
                it.remove();
                for (InstanceBuilder v : p.instances) v.trackScripts.removeIf(t -> t.name().equals(vs.name()));
                for (SyncGroupBuilder sg : p.syncGroups) sg.trackScripts.removeIf(t -> t.name().equals(vs.name()));
            }
            flags |= f;
        }
        for (InstanceBuilder v : p.instances) {
            for (Script s : java.util.Arrays.asList(v.notifyMaster, v.notifyBackup, v.notifyFault, v.notifyStop,
                    v.notify, v.notifyDeleted, v.notifyMasterRxLowerPri)) {
                flags |= ScriptFiles.check(s);
            }
        }
        for (SyncGroupBuilder s : p.syncGroups) {
            for (Script sc : java.util.Arrays.asList(s.master, s.backup, s.fault, s.stop, s.notify)) {
                flags |= ScriptFiles.check(sc);
            }
        }
        if (g.fifo != null) flags |= ScriptFiles.check(g.fifo.script());
        if (g.vrrpFifo != null) flags |= ScriptFiles.check(g.vrrpFifo.script());
        if (!security && (flags & ScriptFiles.ISSCRIPT) != 0) {
            ctx.errorNoLine(SECURITY_ERROR, "SECURITY VIOLATION - scripts are being executed but script_security"
                    + " not enabled." + ((flags & ScriptFiles.INSECURE) != 0 ? " There are insecure scripts." : ""));
        }
    }

    static boolean runnable(Script s) {
        return s != null && !s.argv().isEmpty() && executable(s.argv().getFirst());
    }

    private static boolean executable(String cmd) {
        if (cmd.contains("/")) return Files.isRegularFile(Path.of(cmd)) && Files.isExecutable(Path.of(cmd));
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String d : path.split(":")) {
            Path f = Path.of(d.isEmpty() ? "." : d, cmd);
            if (Files.isRegularFile(f) && Files.isExecutable(f)) return true;
        }
        return false;
    }
}
