package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.DEPRECATED;
import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.ConfigError.SECURITY_ERROR;

import io.jkeepalived.config.model.Authentication;
import io.jkeepalived.config.model.GarpSettings;
import io.jkeepalived.config.model.NotifyScripts;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.SyncGroup;
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
            if (v.ifname == null && !v.unicastConfigured) {
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
        for (InstanceBuilder v : p.instances) {
            VrrpInstance i = complete(ctx, v, g);
            if (i == null) return new Done(out, groups);
            out.add(i);
        }
        vridConflicts(ctx, out);
        return new Done(out, groups);
    }

    private static VrrpInstance complete(ParseContext ctx, InstanceBuilder v, GlobalPart g) {
        String n = "(" + v.name + ")";
        boolean strict = v.strict != null ? v.strict : g.strict;
        int version = v.version;
        if (v.family == 6) {
            if (version == 2 && strict) {
                ctx.errorNoLine(GENERAL_ERROR, n + " cannot use IPv6 with VRRP version 2; setting version 3");
                version = 3;
            } else if (version == 0) {
                version = 3;
            }
        }
        boolean v6 = v.family == 6;
        if (version == 0) version = g.vrrpVersion;
        int ttl = v.ttl;
        if (!v6 && ttl == -1) ttl = 255;
        if (v.vips.isEmpty()) {
            if (version == 3 || strict) {
                ctx.errorNoLine(GENERAL_ERROR, n + " No VIP specified; at least one is required");
                return null;
            }
            ctx.errorNoLine(GENERAL_ERROR, n + " No VIP specified; at least one is sensible");
        }
        int priority = v.priority;
        if (priority == 0) priority = v.wantState == VrrpInstance.State.MASTER ? 255 : 100;
        VrrpInstance.State state = v.wantState;
        if (state == null) {
            state = priority == 255 ? VrrpInstance.State.MASTER : VrrpInstance.State.BACKUP;
        } else if (strict && ((state == VrrpInstance.State.MASTER) != (priority == 255))) {
            ctx.errorNoLine(GENERAL_ERROR, n + " State MASTER must match being address owner");
            state = priority == 255 ? VrrpInstance.State.MASTER : VrrpInstance.State.BACKUP;
        }
        Authentication.Type auth = v.authType;
        if (auth != null) {
            if (strict) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Strict mode does not support authentication. Ignoring.");
                auth = null;
            } else if (version == 3) {
                ctx.errorNoLine(GENERAL_ERROR, n + " VRRP version 3 does not support authentication. Ignoring.");
                auth = null;
            } else if (v.authPass.isEmpty()) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Authentication specified but no password given. Ignoring");
                auth = null;
            } else if (v6 && auth == Authentication.Type.AH) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Cannot use AH authentication with IPv6. ignoring");
                auth = null;
            } else if (auth == Authentication.Type.AH && state == VrrpInstance.State.MASTER && priority != 255) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Initial state master is incompatible with AH authentication - clearing");
                state = VrrpInstance.State.BACKUP;
            }
        }
        boolean unicast = v.unicastConfigured && !v.peers.isEmpty();
        if (strict && unicast && v.ifname != null) {
            ctx.errorNoLine(GENERAL_ERROR, n + " Unicast peers are not supported in strict mode");
            return null;
        }
        if (v.ifname == null) {
            if (v.saddr == null) {
                ctx.errorNoLine(GENERAL_ERROR, n + ": Unicast instances must have unicast_src_ip or interface");
                return null;
            }
            if (v6 && v.saddr.isLinkLocalAddress()) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Non link-local address required if interface omitted");
                return null;
            }
        }
        if (v.unicastConfigured && v.peers.isEmpty() && !v.unicastFaultNoPeer) {
            ctx.errorNoLine(DEPRECATED, n + " A unicast keyword has been specified without any unicast peers."
                    + " Defaulting to multicast. This usage is deprecated - please update your configuration.");
        }
        String mac = v.vmacMac;
        if (strict && mac != null) {
            ctx.errorNoLine(GENERAL_ERROR, n + ": cannot specify MAC address with strict mode - clearing");
            mac = null;
        }
        if (v6 && !unicast && !v.vips.isEmpty() && !v.vips.getFirst().address().isLinkLocalAddress() && strict) {
            ctx.errorNoLine(GENERAL_ERROR, n + " the first IPv6 VIP address must be link local");
        }
        String vrf = v.vrf;
        if (vrf != null && (v.ifname != null || !unicast)) {
            ctx.errorNoLine(GENERAL_ERROR, n + " vrf can only be specified with"
                    + (v.ifname != null ? "out interface" : " unicast") + " - clearing");
            vrf = null;
        }
        List<VirtualIp> vips = new ArrayList<>(v.vips);
        List<VirtualIp> evips = new ArrayList<>(v.evips);
        int hdr = v6 ? 14 + 40 + 8 : 14 + 20 + 8 + (version == 2 ? 8 + (auth == Authentication.Type.AH ? 24 : 0) : 0);
        int max = Math.min(255, (1500 - hdr) / (v6 ? 16 : 4));
        if (vips.size() > max) {
            ctx.errorNoLine(GENERAL_ERROR, n + " Number of VIPs (" + vips.size() + ") exceeds maximum/space available"
                    + " in packet (max " + max + " addresses) - excess moved to eVIPs");
            evips.addAll(0, vips.subList(max, vips.size()));
            vips = new ArrayList<>(vips.subList(0, max));
        }
        boolean nopreempt = v.nopreempt;
        long preemptDelay = v.preemptDelay;
        if (priority == 255 && nopreempt) {
            ctx.errorNoLine(GENERAL_ERROR, n + " nopreempt is incompatible with priority 255. resetting nopreempt");
            nopreempt = false;
        }
        if (state == VrrpInstance.State.MASTER) {
            if (nopreempt) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Warning - nopreempt will not work with initial state MASTER - clearing");
                nopreempt = false;
            }
            if (preemptDelay != 0) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Warning - preempt delay will not work with initial state MASTER - clearing");
                preemptDelay = 0;
            }
        }
        if (preemptDelay != 0) {
            if (strict) {
                ctx.errorNoLine(GENERAL_ERROR, n + " preempt_delay is incompatible with strict mode - resetting");
                preemptDelay = 0;
            }
            if (nopreempt) {
                ctx.errorNoLine(GENERAL_ERROR, n + " preempt_delay is incompatible with nopreempt mode - resetting");
                preemptDelay = 0;
            }
        }
        int downTimer = v.downTimerAdverts;
        if (downTimer != 3 && strict) {
            ctx.errorNoLine(GENERAL_ERROR, n + " down_timer_adverts is incompatible with strict mode - resetting");
            downTimer = 3;
        }
        boolean accept = v.accept != null ? v.accept : priority == 255 || !strict;
        if (accept && priority != 255 && strict && version == 2) {
            ctx.errorNoLine(GENERAL_ERROR, n + " warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting");
            accept = false;
        }
        var mcastDst = v.mcastDst;
        if (unicast && mcastDst != null) {
            ctx.errorNoLine(GENERAL_ERROR, n + " multicast destination specified with unicast - ignoring");
            mcastDst = null;
        }
        long gDelay = g.garpLowerPrioDelay < 0 ? g.garpDelay : g.garpLowerPrioDelay;
        int gRep = g.garpLowerPrioRepeat < 0 ? g.garpRepeat : g.garpLowerPrioRepeat;
        int lowerRep = v.garpLowerPrioRepeat;
        if (lowerRep < 0) lowerRep = strict ? 0 : gRep;
        else if (strict && lowerRep != 0) {
            ctx.errorNoLine(GENERAL_ERROR, n + " Strict mode requires no repeat garps. resetting");
            lowerRep = 0;
        }
        long lowerDelay = v.garpLowerPrioDelay;
        if (lowerDelay < 0) lowerDelay = strict ? 0 : gDelay;
        else if (strict && lowerDelay != 0) {
            ctx.errorNoLine(GENERAL_ERROR, n + " Strict mode requires no repeat garp delay. resetting");
            lowerDelay = 0;
        }
        boolean lowerNoAdvert;
        if (v.lowerPrioNoAdvert == null) lowerNoAdvert = strict || g.lowerPrioNoAdvert;
        else {
            lowerNoAdvert = v.lowerPrioNoAdvert;
            if (strict && !lowerNoAdvert) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Strict mode requires no lower priority advert. resetting");
                lowerNoAdvert = true;
            }
        }
        boolean higherSend;
        if (v.higherPrioSendAdvert == null) higherSend = !strict && g.higherPrioSendAdvert;
        else {
            higherSend = v.higherPrioSendAdvert;
            if (strict && higherSend) {
                ctx.errorNoLine(GENERAL_ERROR, n + " strict mode requires higher_prio_send_advert to be clear. resetting");
                higherSend = false;
            }
        }
        Boolean smtp = v.smtpAlert;
        if (smtp == null) smtp = g.smtpAlertVrrp != null ? g.smtpAlertVrrp : g.smtpAlert != null ? g.smtpAlert : false;
        long adv = v.advertInt == 0 ? 1_000_000 : v.advertInt;
        if (version == 2) {
            if (adv >= 256_000_000L) {
                ctx.errorNoLine(GENERAL_ERROR, n + " VRRPv2 advertisement interval is out of range. Must be less than 256s. Setting to 255s");
                adv = 255_000_000L;
            } else if (adv % 1_000_000 != 0) {
                ctx.errorNoLine(GENERAL_ERROR, n + " VRRPv2 advertisement interval " + adv / 1e6 + "s must be an integer. rounding");
                adv = (adv + 500_000) / 1_000_000 * 1_000_000;
                if (adv == 0) adv = 1_000_000;
            }
        } else if (adv >= 40_960_000L) {
            ctx.errorNoLine(GENERAL_ERROR, n + " VRRPv3 advertisement interval is out of range. Must be less than 40.96s. Setting to 40.95s");
            adv = 40_950_000L;
        } else if (adv % 10_000 != 0) {
            ctx.errorNoLine(GENERAL_ERROR, n + " VRRPv3 advertisement interval " + adv / 1e6 + "s must be in units of 10ms - rounding");
            adv = (adv + 5_000) / 10_000 * 10_000;
            if (adv == 0) adv = 10_000;
        }
        boolean xmitBase = v.vmacXmitBase;
        if (xmitBase && !v.useVmac && !v.ipvlan) {
            ctx.errorNoLine(GENERAL_ERROR, n + " vmac_xmit_base is only valid with a vmac - clearing");
            xmitBase = false;
        }
        Vmac vmac = v.useVmac || v.ipvlan ? new Vmac(v.vmacIfname, mac, v.vmacNetlinkNotify, v.ipvlan, v.ipvlanMode,
                v.ipvlanAddr, v.vmacGroup) : null;
        var garp = new GarpSettings(v.garpDelay, v.garpRepeat, v.garpRefresh, v.garpRefreshRepeat, lowerDelay, lowerRep,
                v.garpExtraIf < 0 ? g.garpExtraIf : v.garpExtraIf, v.garpExtraIfAll || g.garpExtraIfAll);
        var notify = new NotifyScripts(v.notifyMaster, v.notifyBackup, v.notifyFault, v.notifyStop, v.notify,
                v.notifyDeleted, v.notifyDeletedFlag, v.notifyMasterRxLowerPri);
        return new VrrpInstance(v.name, state, v.ifname, vrf, v.vrid, priority, adv, version, v6,
                auth == null ? null : new Authentication(auth, v.authPass), vips, evips, v.routes, v.rules, v.trackIfs,
                v.trackScripts, v.trackFiles, v.trackProcesses, v.trackBfds, v.dontTrackPrimary, v.trackSrcIp, v.saddr,
                v.unicastConfigured, v.peers, v.unicastFaultNoPeer, v.checkUnicastSrc || g.checkUnicastSrc, ttl, mcastDst,
                vmac, v.useVmacAddr, xmitBase, v.promoteSecondaries, garp, downTimer, lowerNoAdvert, higherSend,
                v.skipCheckAdvAddr, strict, accept, nopreempt, preemptDelay, notify, smtp, v.notifyPriorityChanges,
                v.kernelRxBufSize, v.debug, v.oldUnicastChecksum, v.linkbeatUsePolling);
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

    /** check_vrrp_script_security: scripts that exist and are executable need enable_script_security. */
    private static void scriptSecurity(ParseContext ctx, VrrpPart p, GlobalPart g) {
        if (g.enableScriptSecurity) return;
        List<Script> all = new ArrayList<>();
        p.scripts.values().forEach(s -> all.add(s.script()));
        for (InstanceBuilder v : p.instances) {
            all.addAll(java.util.Arrays.asList(v.notifyMaster, v.notifyBackup, v.notifyFault, v.notifyStop, v.notify,
                    v.notifyDeleted, v.notifyMasterRxLowerPri));
        }
        for (SyncGroupBuilder s : p.syncGroups) {
            all.addAll(java.util.Arrays.asList(s.master, s.backup, s.fault, s.stop, s.notify));
        }
        if (g.fifo != null) all.add(g.fifo.script());
        if (g.vrrpFifo != null) all.add(g.vrrpFifo.script());
        for (Script s : all) {
            if (runnable(s)) {
                ctx.errorNoLine(SECURITY_ERROR,
                        "SECURITY VIOLATION - scripts are being executed but script_security not enabled.");
                return;
            }
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
