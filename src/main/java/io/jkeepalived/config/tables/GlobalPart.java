package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.GarpSettings;
import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** global_defs and root-level keywords: the builder; the tables are in GlobalTable and GlobalVrrpTable. */
public final class GlobalPart {
    // root level
    String netNamespace;
    String netNamespaceIpvs;
    boolean namespaceWithIpsets;
    String instance;
    boolean usePidDir;
    boolean linkbeatUsePolling;
    int childWaitTime;

    String routerId;
    // smtp
    String smtpServer;
    int smtpPort = 25;
    String smtpHelo;
    long smtpTimeoutMicros = 30_000_000;
    String emailFrom;
    final List<String> emails = new ArrayList<>();
    int emailMark;
    Boolean smtpAlert;
    Boolean smtpAlertVrrp;
    Boolean smtpAlertChecker;
    boolean noEmailFaults;
    // scripts
    String scriptUser;
    String scriptGroup;
    boolean enableScriptSecurity;
    Script startupScript;
    int startupTimeout;
    Script shutdownScript;
    int shutdownTimeout;
    // fifos
    GlobalDefs.Fifo fifo;
    GlobalDefs.Fifo vrrpFifo;
    GlobalDefs.Fifo lvsFifo;
    boolean fifoWriteStatesOnReload;
    // vrrp
    InetAddress mcastGroup4 = Words.ip("224.0.0.18");
    InetAddress mcastGroup6 = Words.ip("ff02::12");
    long garpDelay = 5_000_000;
    int garpRepeat = 5;
    long garpRefresh;
    int garpRefreshRepeat = 1;
    long garpLowerPrioDelay = -1;
    int garpLowerPrioRepeat = -1;
    long garpExtraIf;
    boolean garpExtraIfAll;
    long garpInterval;
    long gnaInterval;
    boolean minGarp;
    int downTimerAdverts = 3;
    boolean lowerPrioNoAdvert;
    boolean higherPrioSendAdvert;
    int vrrpVersion = 2;
    boolean checkUnicastSrc;
    boolean skipCheckAdvAddr;
    boolean strict;
    String nftables;
    int nftablesPriority = -1;
    boolean nftablesIfindex;
    boolean nftablesCounters;
    List<String> iptables = List.of();
    boolean dynamicInterfaces;
    boolean allowIfChanges;
    String defaultInterface;
    boolean disableLocalIgmp;
    boolean notifyPriorityChanges;
    long startupDelay;
    boolean logUnknownVrids;
    String vmacPrefix;
    String vmacAddrPrefix;
    // lvs
    int lvsTcp;
    int lvsTcpFin;
    int lvsUdp;
    boolean lvsFlush;
    GlobalDefs.FlushOnStop lvsFlushOnStop = GlobalDefs.FlushOnStop.NONE;
    GlobalDefs.SyncDaemon syncDaemon;
    String nftablesIpvs;
    int nftablesIpvsPriority = -1;
    long nftablesIpvsStartFwmark = 1000;
    boolean rsInitNotifies;
    boolean noCheckerEmails;
    boolean checkerLogAllFailures;

    final Map<String, List<String>> other = new LinkedHashMap<>();

    public static void install(Block<RootBuilder> root) {
        GlobalTable.install(root);
    }

    /** The GARP defaults an instance starts from (keepalived copies them when the instance is opened). */
    GarpSettings garpDefaults() {
        return new GarpSettings(garpDelay, garpRepeat, garpRefresh, garpRefreshRepeat,
                garpLowerPrioDelay, garpLowerPrioRepeat, garpExtraIf, garpExtraIfAll);
    }

    public GlobalDefs build(ParseContext ctx) {
        // keepalived's main.c: start/stop scripts that can run need enable_script_security
        if (!enableScriptSecurity && (VrrpCompletion.runnable(startupScript) || VrrpCompletion.runnable(shutdownScript))) {
            ctx.errorNoLine(io.jkeepalived.config.ConfigError.SECURITY_ERROR, "SECURITY VIOLATION - start/shutdown"
                    + " scripts are being executed but script_security not enabled.");
        }
        var root = new GlobalDefs.Root(netNamespace, netNamespaceIpvs, namespaceWithIpsets, instance, usePidDir,
                linkbeatUsePolling, childWaitTime);
        var smtp = new GlobalDefs.Smtp(smtpServer, smtpPort, smtpHelo, smtpTimeoutMicros, emailFrom, emails,
                smtpAlert, smtpAlertVrrp, smtpAlertChecker, noEmailFaults);
        var scripts = new GlobalDefs.Scripts(scriptUser, scriptGroup, enableScriptSecurity, startupScript,
                startupTimeout, shutdownScript, shutdownTimeout);
        var fifos = new GlobalDefs.Fifos(fifo, vrrpFifo, lvsFifo, fifoWriteStatesOnReload);
        // vrrp_complete_init: unset lower-priority GARP values take the master ones
        var garp = new GarpSettings(garpDelay, garpRepeat, garpRefresh, garpRefreshRepeat,
                garpLowerPrioDelay < 0 ? garpDelay : garpLowerPrioDelay,
                garpLowerPrioRepeat < 0 ? garpRepeat : garpLowerPrioRepeat, garpExtraIf, garpExtraIfAll);
        var vrrp = new GlobalDefs.Vrrp(mcastGroup4, mcastGroup6, garp, garpInterval, gnaInterval, minGarp,
                downTimerAdverts, lowerPrioNoAdvert, higherPrioSendAdvert, vrrpVersion, checkUnicastSrc,
                skipCheckAdvAddr, strict, nftables, nftablesPriority, nftablesIfindex, nftablesCounters, iptables,
                dynamicInterfaces, allowIfChanges, defaultInterface, disableLocalIgmp, notifyPriorityChanges,
                startupDelay, logUnknownVrids, vmacPrefix, vmacAddrPrefix);
        var lvs = new GlobalDefs.Lvs(lvsTcp, lvsTcpFin, lvsUdp, lvsFlush, lvsFlushOnStop, syncDaemon, nftablesIpvs,
                nftablesIpvsPriority, nftablesIpvsStartFwmark, rsInitNotifies, noCheckerEmails,
                checkerLogAllFailures);
        return new GlobalDefs(root, routerId, smtp, scripts, fifos, vrrp, lvs, other);
    }
}
