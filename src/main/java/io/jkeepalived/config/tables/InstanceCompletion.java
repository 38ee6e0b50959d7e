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
 * keepalived's vrrp_complete_instance for one instance: family and version, state and priority, strict
 * mode's consequences, authentication, unicast, VMAC, VIP space, preemption, GARP and advert interval, and
 * the weighted trackers a sync group member or an address owner may not have. Reported without a line.
 */
final class InstanceCompletion {
    private InstanceCompletion() {}

    static VrrpInstance complete(ParseContext ctx, InstanceBuilder v, GlobalPart g, SyncGroup group) {
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
        if (v.useVmac && strict && xmitBase) {
            ctx.errorNoLine(GENERAL_ERROR, n + " xmit_base is incompatible with strict mode - resetting");
            xmitBase = false;
        }
        boolean promote = v.promoteSecondaries;
        if (promote && (v.useVmac || v.ipvlan)) {
            ctx.errorNoLine(GENERAL_ERROR, n + " promote_secondaries is automatically set for vmacs - ignoring");
            promote = false;
        }
        if (v.ipvlan && !v6 && v.ipvlanAddr == null) {
            ctx.errorNoLine(GENERAL_ERROR, n + " IPv4 ipvlan requires a source ip address to be configured."
                    + " setting instance to fault state");
        } else if (v.ipvlan && v.ipvlanAddr.isIpv6() != v6) {
            ctx.errorNoLine(GENERAL_ERROR, n + " IPv4 ipvlan address family does not match instance."
                    + " setting instance to fault state");
        }
        List<Tracked> trackIfs = new ArrayList<>();
        for (Tracked t : v.trackIfs) {
            if (v.ifname != null && t.name().equals(v.ifname)) {
                ctx.errorNoLine(GENERAL_ERROR, n + " Ignoring track_interface " + t.name() + " since own interface");
            } else {
                trackIfs.add(t);
            }
        }
        for (List<VirtualIp> list : List.of(vips, evips)) {
            for (var it = list.listIterator(); it.hasNext(); ) {
                VirtualIp ip = it.next();
                if (ip.useVmac() && (v.useVmac || v.ipvlan)) {
                    ctx.errorNoLine(GENERAL_ERROR, n + " use_vmac specified for VIP/eVIP " + ip.address().getHostAddress()
                            + " and vrrp instance");
                }
                if (ip.dev() == null && v.ifname == null) {
                    ctx.errorNoLine(GENERAL_ERROR, n + ": no interface for " + (list == vips ? "" : "e") + "vip "
                            + ip.address().getHostAddress() + " - removing");
                    it.remove();
                }
            }
        }
        if (vips.isEmpty()) {
            if (version == 3 || v6 || strict) {
                ctx.errorNoLine(GENERAL_ERROR, n + " No VIP specified; at least one is required");
                return null;
            }
            ctx.errorNoLine(WARNING, n + " No VIP specified; at least one is sensible");
        }
        List<Tracked> trackScripts = new ArrayList<>(v.trackScripts);
        List<Tracked> trackFiles = new ArrayList<>(v.trackFiles);
        List<Tracked> trackBfds = new ArrayList<>(v.trackBfds);
        boolean syncNoWeight = group != null && !group.trackingWeight();
        if (syncNoWeight || priority == 255) {
            String why = syncNoWeight ? "SYNC group" : "address owner";
            String why2 = syncNoWeight ? "SYNC group" : "address_owner";
            for (var it = trackIfs.listIterator(); it.hasNext(); ) {
                Tracked t = it.next();
                if (t.weight() == 0) continue;
                ctx.errorNoLine(GENERAL_ERROR, n + " ignoring " + t.name() + " tracked interface "
                        + (syncNoWeight ? "weight " : "") + "due to " + why);
                if (syncNoWeight) it.set(new Tracked(t.name(), 0, t.reverse()));
                else it.remove();
            }
            trackScripts.removeIf(t -> {
                if (t.weight() == 0) return false;
                ctx.errorNoLine(GENERAL_ERROR, n + " ignoring tracked script " + t.name() + " with weights due to " + why2);
                return true;
            });
            for (var it = trackFiles.listIterator(); it.hasNext(); ) {
                Tracked t = it.next();
                if (t.weight() == 1) {
                    ctx.errorNoLine(GENERAL_ERROR, n + " ignoring weight from tracked file " + t.name() + " due to "
                            + why2 + ". specify weight 0");
                    it.set(new Tracked(t.name(), 0, t.reverse()));
                } else if (t.weight() != 0) {
                    ctx.errorNoLine(GENERAL_ERROR, n + " ignoring tracked file " + t.name() + " with weight " + t.weight()
                            + " due to " + why2);
                    it.remove();
                }
            }
            trackBfds.removeIf(t -> {
                if (t.weight() == 0) return false;
                ctx.errorNoLine(GENERAL_ERROR, n + " ignoring tracked bfd " + t.name() + " with weight " + t.weight()
                        + " due to " + why2);
                return true;
            });
        }
        Vmac vmac = v.useVmac || v.ipvlan ? new Vmac(v.vmacIfname, mac, v.vmacNetlinkNotify, v.ipvlan, v.ipvlanMode,
                v.ipvlanAddr, v.vmacGroup) : null;
        var garp = new GarpSettings(v.garpDelay, v.garpRepeat, v.garpRefresh, v.garpRefreshRepeat, lowerDelay, lowerRep,
                v.garpExtraIf < 0 ? g.garpExtraIf : v.garpExtraIf, v.garpExtraIfAll || g.garpExtraIfAll);
        var notify = new NotifyScripts(v.notifyMaster, v.notifyBackup, v.notifyFault, v.notifyStop, v.notify,
                v.notifyDeleted, v.notifyDeletedFlag, v.notifyMasterRxLowerPri);
        return new VrrpInstance(v.name, state, v.ifname, vrf, v.vrid, priority, adv, version, v6,
                auth == null ? null : new Authentication(auth, v.authPass), vips, evips, v.routes, v.rules, trackIfs,
                trackScripts, trackFiles, v.trackProcesses, trackBfds, v.dontTrackPrimary, v.trackSrcIp, v.saddr,
                v.unicastConfigured, v.peers, v.unicastFaultNoPeer, v.checkUnicastSrc || g.checkUnicastSrc, ttl, mcastDst,
                vmac, v.useVmacAddr, xmitBase, promote, garp, downTimer, lowerNoAdvert, higherSend,
                v.skipCheckAdvAddr, strict, accept, nopreempt, preemptDelay, notify, smtp, v.notifyPriorityChanges,
                v.kernelRxBufSize, v.debug, v.oldUnicastChecksum, v.linkbeatUsePolling);
    }

}
