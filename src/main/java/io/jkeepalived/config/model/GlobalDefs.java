package io.jkeepalived.config.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * global_defs and the root-level settings (keepalived.conf(5) GLOBAL DEFINITIONS).
 *
 * @param root      net_namespace, instance, use_pid_dir, ... (root-level keywords)
 * @param routerId  {@code router_id}, or null (the host name is used)
 * @param smtp      e-mail alert settings
 * @param scripts   script security and start/stop scripts
 * @param fifos     the notify FIFOs
 * @param vrrp      vrrp_* globals
 * @param lvs       LVS-related globals
 * @param other     rarely used settings kept as words (process names/priorities, netlink buffers, SNMP,
 *                  DBus, reload, umask, ...), keyed by keyword, last one wins
 */
public record GlobalDefs(Root root, String routerId, Smtp smtp, Scripts scripts, Fifos fifos, Vrrp vrrp, Lvs lvs,
                         Map<String, List<String>> other) {

    public GlobalDefs {
        other = Map.copyOf(other);
    }

    /** Root-level keywords (outside any block). */
    public record Root(String netNamespace, String netNamespaceIpvs, boolean namespaceWithIpsets, String instance,
                       boolean usePidDir, boolean linkbeatUsePolling, int childWaitTime) {}

    /**
     * @param server          smtp_server host (address or name), or null
     * @param port            its port (25 by default)
     * @param heloName        smtp_helo_name, or null
     * @param connectTimeoutMicros smtp_connect_timeout (default 30 s)
     * @param emailFrom       notification_email_from, or null
     * @param emails          notification_email
     * @param alert           smtp_alert, null when not set
     * @param alertVrrp       smtp_alert_vrrp, null when not set
     * @param alertChecker    smtp_alert_checker, null when not set
     * @param noEmailFaults   no_email_faults
     */
    public record Smtp(String server, int port, String heloName, long connectTimeoutMicros, String emailFrom,
                       List<String> emails, Boolean alert, Boolean alertVrrp, Boolean alertChecker,
                       boolean noEmailFaults) {
        public Smtp {
            emails = List.copyOf(emails);
        }
    }

    /**
     * @param scriptUser         script_user, or null (keepalived_script, else root)
     * @param scriptGroup        its group, or null
     * @param enableScriptSecurity enable_script_security
     * @param startup            startup_script, or null
     * @param startupTimeout     seconds
     * @param shutdown           shutdown_script, or null
     * @param shutdownTimeout    seconds
     */
    public record Scripts(String scriptUser, String scriptGroup, boolean enableScriptSecurity, Script startup,
                          int startupTimeout, Script shutdown, int shutdownTimeout) {}

    /** A notify FIFO (path, optional owner) with an optional reader script. */
    public record Fifo(String path, String user, String group, Script script) {}

    public record Fifos(Fifo global, Fifo vrrp, Fifo lvs, boolean writeVrrpStatesOnReload) {}

    /**
     * vrrp_* globals.
     *
     * @param mcastGroup4        vrrp_mcast_group4 (224.0.0.18)
     * @param mcastGroup6        vrrp_mcast_group6 (ff02::12)
     * @param garp               GARP defaults copied into each instance as it is parsed
     * @param garpIntervalMicros vrrp_garp_interval (0 = none)
     * @param gnaIntervalMicros  vrrp_gna_interval (0 = none)
     * @param minGarp            vrrp_min_garp
     * @param downTimerAdverts   vrrp_down_timer_adverts
     * @param lowerPrioNoAdvert  vrrp_lower_prio_no_advert
     * @param higherPrioSendAdvert vrrp_higher_prio_send_advert
     * @param version            vrrp_version (2)
     * @param checkUnicastSrc    vrrp_check_unicast_src
     * @param skipCheckAdvAddr   vrrp_skip_check_adv_addr
     * @param strict             vrrp_strict
     * @param nftablesTable      nftables table name, or null
     * @param nftablesPriority   nftables_priority
     * @param nftablesIfindex    nftables_ifindex
     * @param nftablesCounters   nftables_counters
     * @param iptables           vrrp_iptables words (2.2.7 here is built without iptables: nftables is used)
     * @param dynamicInterfaces  dynamic_interfaces
     * @param allowIfChanges     dynamic_interfaces allow_if_changes
     * @param defaultInterface   default_interface, or null
     * @param disableLocalIgmp   disable_local_igmp
     * @param notifyPriorityChanges vrrp_notify_priority_changes
     * @param startupDelayMicros vrrp_startup_delay
     * @param logUnknownVrids    log_unknown_vrids
     * @param vmacPrefix         vmac_prefix, or null
     * @param vmacAddrPrefix     vmac_addr_prefix, or null
     */
    public record Vrrp(InetAddress mcastGroup4, InetAddress mcastGroup6, GarpSettings garp, long garpIntervalMicros,
                       long gnaIntervalMicros, boolean minGarp, int downTimerAdverts, boolean lowerPrioNoAdvert,
                       boolean higherPrioSendAdvert, int version, boolean checkUnicastSrc, boolean skipCheckAdvAddr,
                       boolean strict, String nftablesTable, int nftablesPriority, boolean nftablesIfindex,
                       boolean nftablesCounters, List<String> iptables, boolean dynamicInterfaces,
                       boolean allowIfChanges, String defaultInterface, boolean disableLocalIgmp,
                       boolean notifyPriorityChanges, long startupDelayMicros, boolean logUnknownVrids,
                       String vmacPrefix, String vmacAddrPrefix) {
        public Vrrp {
            iptables = List.copyOf(iptables);
        }
    }

    /**
     * LVS-related globals.
     *
     * @param timeoutTcp       lvs_timeouts tcp (seconds, 0 = unchanged)
     * @param timeoutTcpFin    lvs_timeouts tcpfin
     * @param timeoutUdp       lvs_timeouts udp
     * @param flush            lvs_flush
     * @param flushOnStop      lvs_flush_on_stop
     * @param syncDaemon       lvs_sync_daemon, or null
     * @param nftablesTable    nftables_ipvs table, or null
     * @param nftablesPriority nftables_ipvs_priority
     * @param nftablesStartFwmark nftables_ipvs_start_fwmark
     * @param rsInitNotifies   rs_init_notifies
     * @param noCheckerEmails  no_checker_emails
     * @param checkerLogAllFailures checker_log_all_failures
     */
    public record Lvs(int timeoutTcp, int timeoutTcpFin, int timeoutUdp, boolean flush, FlushOnStop flushOnStop,
                      SyncDaemon syncDaemon, String nftablesTable, int nftablesPriority, long nftablesStartFwmark,
                      boolean rsInitNotifies, boolean noCheckerEmails, boolean checkerLogAllFailures) {}

    public enum FlushOnStop { NONE, ALL, VS }

    /**
     * lvs_sync_daemon IF [VRRP_INSTANCE] [id N] [maxlen N] [port N] [ttl N] [group IP].
     * {@code syncId} -1 means "the instance's VRID".
     */
    public record SyncDaemon(String ifname, String vrrpInstance, int syncId, int maxlen, int port, int ttl,
                             InetAddress group) {}
}
