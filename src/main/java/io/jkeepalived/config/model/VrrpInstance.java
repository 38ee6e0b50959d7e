package io.jkeepalived.config.model;

import java.net.InetAddress;
import java.util.List;

/**
 * A vrrp_instance after parsing and keepalived's completion rules (vrrp_complete_instance): defaults
 * applied, strict-mode consequences enforced, state and priority reconciled.
 *
 * @param name            the instance name
 * @param initialState    MASTER or BACKUP (state MASTER only sticks for the address owner, priority 255)
 * @param interfaceName   the interface, or null (unicast with unicast_src_ip)
 * @param vrf             {@code vrf}, or null
 * @param vrid            1..255
 * @param priority        1..255 (255 = address owner)
 * @param advertIntMicros the advert interval
 * @param version         2 or 3
 * @param ipv6            the family of the VIPs / adverts
 * @param authentication  VRRPv2 authentication, or null
 * @param vips            virtual_ipaddress
 * @param excludedVips    virtual_ipaddress_excluded
 * @param routes          virtual_routes
 * @param rules           virtual_rules
 * @param trackInterfaces track_interface
 * @param trackScripts    track_script (only scripts defined before the instance)
 * @param trackFiles      track_file
 * @param trackProcesses  track_process
 * @param trackBfds       track_bfd
 * @param dontTrackPrimary {@code dont_track_primary}
 * @param trackSrcIp      {@code track_src_ip}
 * @param srcIp           mcast_src_ip / unicast_src_ip, or null
 * @param unicast         unicast configured (any unicast keyword)
 * @param unicastPeers    unicast_peer
 * @param unicastFaultNoPeer {@code unicast_fault_no_peer}
 * @param checkUnicastSrc {@code check_unicast_src} (or a peer TTL window, or the global)
 * @param unicastTtl      TTL of unicast adverts, or -1 for the default
 * @param mcastDstIp      {@code mcast_dst_ip}, or null for the global group
 * @param vmac            use_vmac / use_ipvlan, or null
 * @param useVmacAddr     {@code use_vmac_addr}
 * @param vmacXmitBase    {@code vmac_xmit_base}
 * @param promoteSecondaries {@code promote_secondaries}
 * @param garp            GARP timing (globals copied at parse time, then the instance's own words)
 * @param downTimerAdverts adverts missed before master down (1..100, default 3)
 * @param lowerPrioNoAdvert {@code lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code higher_prio_send_advert}
 * @param skipCheckAdvAddr {@code skip_check_adv_addr}
 * @param strict          strict mode (vrrp_strict or strict_mode)
 * @param accept          accept mode
 * @param nopreempt       {@code nopreempt}
 * @param preemptDelayMicros {@code preempt_delay}
 * @param notifyScripts        notify scripts
 * @param smtpAlert       null when not set
 * @param notifyPriorityChanges null when not set
 * @param kernelRxBufSize {@code kernel_rx_buf_size}, or 0
 * @param debug           {@code debug} 0..4
 * @param oldUnicastChecksum {@code old_unicast_checksum}: NONE, CONFIGURED or NEVER
 * @param linkbeatUsePolling the deprecated instance {@code linkbeat_use_polling}
 */
public record VrrpInstance(String name, State initialState, String interfaceName, String vrf, int vrid, int priority,
                           long advertIntMicros, int version, boolean ipv6, Authentication authentication,
                           List<VirtualIp> vips, List<VirtualIp> excludedVips, List<Route> routes, List<Rule> rules,
                           List<Tracked> trackInterfaces, List<Tracked> trackScripts, List<Tracked> trackFiles,
                           List<Tracked> trackProcesses, List<Tracked> trackBfds, boolean dontTrackPrimary,
                           boolean trackSrcIp, InetAddress srcIp, boolean unicast, List<UnicastPeer> unicastPeers,
                           boolean unicastFaultNoPeer, boolean checkUnicastSrc, int unicastTtl, InetAddress mcastDstIp,
                           Vmac vmac, boolean useVmacAddr, boolean vmacXmitBase, boolean promoteSecondaries,
                           GarpSettings garp, int downTimerAdverts, boolean lowerPrioNoAdvert,
                           boolean higherPrioSendAdvert, boolean skipCheckAdvAddr, boolean strict, boolean accept,
                           boolean nopreempt, long preemptDelayMicros, NotifyScripts notifyScripts, Boolean smtpAlert,
                           Boolean notifyPriorityChanges, int kernelRxBufSize, int debug,
                           OldUnicastChecksum oldUnicastChecksum, boolean linkbeatUsePolling) {
    public enum State { MASTER, BACKUP }

    public enum OldUnicastChecksum { NONE, CONFIGURED, NEVER }

    public VrrpInstance {
        vips = List.copyOf(vips);
        excludedVips = List.copyOf(excludedVips);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        trackBfds = List.copyOf(trackBfds);
        unicastPeers = List.copyOf(unicastPeers);
    }

    /** Priority 255: the address owner (RFC 5798 §6.1). */
    public boolean isOwner() {
        return priority == 255;
    }
}
