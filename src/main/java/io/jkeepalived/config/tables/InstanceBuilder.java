package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.Authentication;
import io.jkeepalived.config.model.GarpSettings;
import io.jkeepalived.config.model.Route;
import io.jkeepalived.config.model.Rule;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.model.UnicastPeer;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.VrrpInstance;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** A vrrp_instance while it is parsed: keepalived's vrrp_t with "unset" markers, completed by VrrpCompletion. */
final class InstanceBuilder {
    final RootBuilder root;
    final String name;
    VrrpInstance.State wantState;
    String ifname;
    String vrf;
    int vrid;
    int priority;
    long advertInt;
    int version;
    int family; // 0, 4 or 6
    Authentication.Type authType;
    String authPass = "";
    final List<VirtualIp> vips = new ArrayList<>();
    final List<VirtualIp> evips = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    final List<Tracked> trackIfs = new ArrayList<>();
    final List<Tracked> trackScripts = new ArrayList<>();
    final List<Tracked> trackFiles = new ArrayList<>();
    final List<Tracked> trackProcesses = new ArrayList<>();
    final List<Tracked> trackBfds = new ArrayList<>();
    boolean dontTrackPrimary;
    boolean trackSrcIp;
    InetAddress saddr;
    boolean unicastConfigured;
    boolean unicastFaultNoPeer;
    boolean checkUnicastSrc;
    final List<UnicastPeer> peers = new ArrayList<>();
    int ttl = -1;
    InetAddress mcastDst;
    boolean useVmac;
    String vmacIfname;
    String vmacMac;
    boolean vmacNetlinkNotify;
    boolean ipvlan;
    String ipvlanMode;
    io.jkeepalived.config.model.Prefix ipvlanAddr;
    long vmacGroup;
    boolean useVmacAddr;
    boolean vmacXmitBase;
    boolean promoteSecondaries;
    // GARP: copied from the globals when the block opens (keepalived's alloc_vrrp)
    long garpDelay;
    int garpRepeat;
    long garpRefresh;
    int garpRefreshRepeat;
    long garpLowerPrioDelay = -1;
    int garpLowerPrioRepeat = -1;
    long garpExtraIf = -1;
    boolean garpExtraIfAll;
    int downTimerAdverts;
    Boolean lowerPrioNoAdvert;
    Boolean higherPrioSendAdvert;
    boolean skipCheckAdvAddr;
    Boolean strict;
    Boolean accept;
    boolean nopreempt;
    long preemptDelay;
    Script notifyMaster, notifyBackup, notifyFault, notifyStop, notify, notifyDeleted, notifyMasterRxLowerPri;
    boolean notifyDeletedFlag;
    Boolean smtpAlert;
    Boolean notifyPriorityChanges;
    int kernelRxBufSize;
    int debug;
    VrrpInstance.OldUnicastChecksum oldUnicastChecksum = VrrpInstance.OldUnicastChecksum.NONE;
    boolean linkbeatUsePolling;

    InstanceBuilder(RootBuilder root, String name) {
        this.root = root;
        this.name = name;
        GlobalPart g = root.global;
        garpDelay = g.garpDelay;
        garpRepeat = g.garpRepeat;
        garpRefresh = g.garpRefresh;
        garpRefreshRepeat = g.garpRefreshRepeat;
        downTimerAdverts = g.downTimerAdverts;
        skipCheckAdvAddr = g.skipCheckAdvAddr;
    }

    GarpSettings garp() {
        return new GarpSettings(garpDelay, garpRepeat, garpRefresh, garpRefreshRepeat, garpLowerPrioDelay,
                garpLowerPrioRepeat, garpExtraIf, garpExtraIfAll);
    }
}
