package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.Authentication;
import io.jkeepalived.config.model.GarpSettings;
import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.vrrp.fsm.GarpSchedule;
import io.jkeepalived.vrrp.fsm.InstanceSpec;
import io.jkeepalived.vrrp.fsm.VrrpVersion;
import io.jkeepalived.vrrp.packet.AdvertSpec;
import io.jkeepalived.vrrp.packet.AuthType;
import io.jkeepalived.vrrp.packet.IpFamily;
import io.jkeepalived.vrrp.packet.ReceivePolicy;
import io.jkeepalived.vrrp.packet.UnicastChecksumCompat;
import io.jkeepalived.vrrp.packet.UnicastPeer;
import io.jkeepalived.vrrp.packet.VrrpWire;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code vrrp_instance} translated into what the runtime's parts take: the state machine's
 * {@link InstanceSpec}, the codec's {@link AdvertSpec} and {@link ReceivePolicy}, and where adverts go.
 * Pure: the interface's own address is passed in (the runtime reads it from the kernel).
 *
 * @param instance     the configured instance
 * @param spec         the state machine's view
 * @param advert       what our adverts carry
 * @param receive      what received adverts must satisfy
 * @param family       the instance's family (its VIPs' and adverts')
 * @param protocol     112 (VRRP) or 51 (AH): the raw socket's protocol, as keepalived opens it
 * @param destinations the multicast group, or the unicast peers, in config order
 * @param source       our advert source address (unicast_src_ip / mcast_src_ip or the interface's)
 * @param checksumCompat old_unicast_checksum as the codec names it
 */
public record InstancePlan(VrrpInstance instance, InstanceSpec spec, AdvertSpec advert, ReceivePolicy receive,
                           IpFamily family, int protocol, List<InetAddress> destinations, InetAddress source,
                           UnicastChecksumCompat checksumCompat) {

    /** IPPROTO_VRRP (RFC 5798 §5.1.1.4). */
    public static final int PROTO_VRRP = 112;
    /** IPPROTO_AH: keepalived's socket for auth_type AH (RFC 2402). */
    public static final int PROTO_AH = 51;

    public InstancePlan {
        destinations = List.copyOf(destinations);
    }

    public String name() {
        return instance.name();
    }

    public String interfaceName() {
        return instance.interfaceName();
    }

    /**
     * Builds the plan.
     *
     * @param interfaceAddress the interface's primary address of the instance's family (IPv6: its
     *                         link-local), used when no mcast_src_ip / unicast_src_ip is configured; may be null
     * @param logDetail        keepalived's {@code -D}
     */
    public static InstancePlan of(VrrpInstance v, GlobalDefs.Vrrp globals, InetAddress interfaceAddress,
            boolean logDetail) {
        IpFamily family = v.ipv6() ? IpFamily.IPV6 : IpFamily.IPV4;
        VrrpVersion version = v.version() == 3 ? VrrpVersion.V3 : VrrpVersion.V2;
        long intervalMicros = wireInterval(version, v.advertIntMicros());
        InetAddress source = v.srcIp() != null ? v.srcIp() : interfaceAddress;
        boolean unicast = !v.unicastPeers().isEmpty();
        boolean notifyPriority = v.notifyPriorityChanges() != null ? v.notifyPriorityChanges()
                : globals != null && globals.notifyPriorityChanges();

        InstanceSpec spec = InstanceSpec.builder(v.name(), v.vrid())
                .version(version)
                .priority(v.priority())
                .initialMaster(v.initialState() == VrrpInstance.State.MASTER
                        || v.initialState() == null && v.isOwner())
                .advertInterval(Duration.ofNanos(intervalMicros * 1_000))
                .downTimerAdverts(v.downTimerAdverts())
                .nopreempt(v.nopreempt())
                .preemptDelay(Duration.ofNanos(v.preemptDelayMicros() * 1_000))
                .lowerPrioNoAdvert(v.lowerPrioNoAdvert())
                .higherPrioSendAdvert(v.higherPrioSendAdvert())
                .accept(v.accept())
                .unicast(unicast)
                .sourceAddress(source)
                .garp(garpSchedule(v.garp()))
                .notifyPriorityChanges(notifyPriority)
                .logDetail(logDetail)
                .build();

        List<byte[]> vips = new ArrayList<>();
        for (VirtualIp vip : v.vips()) {
            if (vip.isIpv6() == v.ipv6()) vips.add(vip.address().getAddress());
        }
        AuthType authType = AuthType.NONE;
        byte[] authData = null;
        Authentication auth = v.authentication();
        if (auth != null && version == VrrpVersion.V2 && family == IpFamily.IPV4) {
            authType = auth.type() == Authentication.Type.AH ? AuthType.AH : AuthType.PASS;
            authData = AuthType.authData(auth.password() == null ? "" : auth.password());
        }
        byte[] group4 = globals != null && globals.mcastGroup4() != null
                ? globals.mcastGroup4().getAddress() : VrrpWire.ipv4Group();
        int ttl = unicast && v.unicastTtl() >= 0 ? v.unicastTtl() : VrrpWire.VRRP_TTL;
        AdvertSpec advert = new AdvertSpec(family, version.number(), v.vrid(), intervalMicros, authType, authData,
                vips, ttl, source == null ? null : source.getAddress(), unicast, group4, false);

        List<UnicastPeer> peers = new ArrayList<>();
        List<InetAddress> destinations = new ArrayList<>();
        for (var p : v.unicastPeers()) {
            peers.add(new UnicastPeer(p.address().getAddress(), p.minTtl(), p.maxTtl()));
            destinations.add(p.address());
        }
        if (!unicast) destinations.add(multicastGroup(v, globals, family));
        ReceivePolicy receive = new ReceivePolicy(family, version.number(), v.vrid(), intervalMicros, authType,
                authData, vips, unicast, peers, v.checkUnicastSrc(), group4, false, v.skipCheckAdvAddr());
        UnicastChecksumCompat compat = switch (v.oldUnicastChecksum()) {
            case NONE -> UnicastChecksumCompat.NONE;
            case CONFIGURED -> UnicastChecksumCompat.CONFIG;
            case NEVER -> UnicastChecksumCompat.NEVER;
        };
        return new InstancePlan(v, spec, advert, receive, family,
                authType == AuthType.AH ? PROTO_AH : PROTO_VRRP, destinations, source, compat);
    }

    /** The interval the wire can carry: v2 whole seconds (at least 1), v3 centiseconds (RFC 5798 §5.2.7). */
    static long wireInterval(VrrpVersion version, long micros) {
        if (version == VrrpVersion.V2) {
            long s = Math.max(1, Math.min(255, (micros + 500_000) / 1_000_000));
            return s * 1_000_000;
        }
        long cs = Math.max(1, Math.min(4095, micros / 10_000));
        return cs * 10_000;
    }

    static GarpSchedule garpSchedule(GarpSettings g) {
        if (g == null) return GarpSchedule.DEFAULT;
        return new GarpSchedule(Duration.ofNanos(g.delayMicros() * 1_000), g.repeat(),
                Duration.ofNanos(g.refreshMicros() * 1_000), g.refreshRepeat(),
                Duration.ofNanos(Math.max(0, g.lowerPrioDelayMicros()) * 1_000), Math.max(0, g.lowerPrioRepeat()));
    }

    private static InetAddress multicastGroup(VrrpInstance v, GlobalDefs.Vrrp globals, IpFamily family) {
        if (v.mcastDstIp() != null) return v.mcastDstIp();
        InetAddress g = globals == null ? null : family == IpFamily.IPV4 ? globals.mcastGroup4() : globals.mcastGroup6();
        if (g != null) return g;
        try {
            return InetAddress.getByName(family == IpFamily.IPV4 ? "224.0.0.18" : "ff02::12");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
