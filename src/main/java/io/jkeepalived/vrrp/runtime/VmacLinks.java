package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.net.AddressControl;
import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.Link;
import io.jkeepalived.net.LinkControl;
import io.jkeepalived.net.NetException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * use_vmac: the private-mode macvlan interfaces keepalived puts its instances on (vrrp_vmac.c
 * netlink_link_add_vmac / netlink_link_del_vmac, vrrp_if_config.c). Observed with keepalived 2.2.7 in a
 * namespace: the VMAC carries 00:00:5e:00:01:VRID (IPv6 00:00:5e:00:02:VRID), IPv6 off and address
 * generation "none" for an IPv4 instance, arp_ignore=1 accept_local=1 rp_filter=0 promote_secondaries=1 on
 * the VMAC and arp_ignore=1 arp_filter=1 on its base, which keepalived leaves set when it stops.
 * Only the loop thread (or the daemon's after the loop ended) uses it.
 */
final class VmacLinks {
    private static final Logger log = LoggerFactory.getLogger(VmacLinks.class);
    /** MACVLAN_MODE_PRIVATE (linux/if_link.h): frames between macvlans of one base are not delivered. */
    static final int MACVLAN_MODE_PRIVATE = 1;
    /** IN6_ADDR_GEN_MODE_NONE: no EUI-64 link-local (RFC 5798 §7.4 wants none from the virtual MAC). */
    private static final int ADDR_GEN_MODE_NONE = 1;
    private static final int IFA_F_NODAD = 0x02;

    /** Writes a /proc/sys value (the runtime's network namespace is the process's). */
    interface Sysctl {
        void set(String path, String value);
    }

    private final LinkControl links;
    private final AddressControl addresses;
    private final Sysctl sysctl;
    private final boolean logDetail;
    /** The VMACs this run created or adopted, by name, with the instance that uses it. */
    private final Map<String, String> ours = new LinkedHashMap<>();

    VmacLinks(LinkControl links, AddressControl addresses, Sysctl sysctl, boolean logDetail) {
        this.links = links;
        this.addresses = addresses;
        this.sysctl = sysctl;
        this.logDetail = logDetail;
    }

    static Sysctl procSys() {
        return (path, value) -> {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of("/proc/sys", path), value);
            } catch (java.io.IOException e) {
                log.info("Unable to set sysctl {} to {}: {}", path.replace('/', '.'), value, e.getMessage());
            }
        };
    }

    /** keepalived's name: the configured one, else {@code <vmac_prefix>.<VRID>} (prefix "vrrp"). */
    static String name(VrrpInstance v, String prefix) {
        if (v.vmac() != null && v.vmac().ifname() != null) return v.vmac().ifname();
        return (prefix == null ? "vrrp" : prefix) + "." + v.vrid();
    }

    /** RFC 5798 §7.3: 00-00-5E-00-01-{VRID} (IPv6 00-00-5E-00-02-{VRID}); a 5-octet MAC gets the VRID. */
    static byte[] mac(VrrpInstance v) {
        String given = v.vmac() == null ? null : v.vmac().mac();
        if (given != null) {
            String[] parts = given.split("[:-]");
            byte[] out = new byte[6];
            for (int i = 0; i < parts.length && i < 6; i++) out[i] = (byte) Integer.parseInt(parts[i], 16);
            if (parts.length == 5) out[5] = (byte) v.vrid();
            return out;
        }
        return new byte[] {0, 0, 0x5e, 0, (byte) (v.ipv6() ? 2 : 1), (byte) v.vrid()};
    }

    /**
     * Creates (or adopts, when a macvlan with our MAC is already on the base) the instance's VMAC and sets
     * it up; null when it cannot be made (the instance then runs on its base interface).
     *
     * @param baseLinkLocal the base's link-local, given to an IPv6 VMAC that sends its own adverts
     */
    Link ensure(VrrpInstance v, Link base, String prefix, InetAddress baseLinkLocal) {
        String name = name(v, prefix);
        byte[] mac = mac(v);
        Optional<Link> existing = links.link(name);
        boolean create = true;
        if (existing.isPresent()) {
            Link l = existing.get();
            if (!"macvlan".equals(l.kind())) {
                log.info("VMAC {} conflicts with existing interface", name);
                return null;
            }
            if (l.linkIndex() != base.index() || !Arrays.equals(l.mac(), mac)) {
                if (l.linkIndex() != base.index()) {
                    log.info("({}) Removing old VMAC interface {} due to conflicting interface", v.name(), name);
                } else {
                    // keepalived updates it in place; deleting and creating again ends the same
                    log.info("({}) Update old VMAC interface {} due to wrong MAC/mode ", v.name(), name);
                }
                try {
                    links.deleteLink(l.index());
                } catch (NetException e) {
                    log.info("({}) Error removing VMAC interface {}", v.name(), name);
                    return null;
                }
            } else {
                create = false;
            }
        }
        Link vmac;
        try {
            if (create) {
                vmac = links.addMacvlan(name, base.index(), mac, MACVLAN_MODE_PRIVATE);
                if (logDetail) log.info("({}): Success creating VMAC interface {}", v.name(), name);
            } else {
                vmac = existing.get();
            }
        } catch (NetException e) {
            log.info("({}): Unable to create VMAC interface {}", v.name(), name);
            return null;
        }
        ours.put(name, v.name());
        if (!v.ipv6() && create) {
            String conf = "net/ipv4/conf/";
            sysctl.set(conf + name + "/arp_ignore", "1");
            sysctl.set(conf + name + "/accept_local", "1");
            sysctl.set(conf + name + "/rp_filter", "0");
            sysctl.set(conf + name + "/promote_secondaries", "1");
            sysctl.set(conf + base.name() + "/arp_ignore", "1");
            sysctl.set(conf + base.name() + "/arp_filter", "1");
        }
        // an IPv4 instance's VMAC has no business with IPv6
        sysctl.set("net/ipv6/conf/" + name + "/disable_ipv6", v.ipv6() ? "0" : "1");
        try {
            links.setAddrGenMode(vmac.index(), ADDR_GEN_MODE_NONE);
        } catch (NetException e) {
            log.info("({}) Error setting ADDR_GEN_MODE to NONE on {}", v.name(), name);
        }
        try {
            links.setUp(vmac.index(), true);
        } catch (NetException e) {
            log.info("({}) cannot set {} up: {}", v.name(), name, e.getMessage());
        }
        if (v.ipv6() && !v.vmacXmitBase()) {
            InetAddress ll = v.srcIp() != null ? v.srcIp() : baseLinkLocal;
            if (ll != null) {
                try {
                    // as keepalived's: "nodad deprecated" (preferred_lft 0), so the kernel neither solicits
                    // routers nor reports multicast listeners from the virtual MAC
                    addresses.addAddress(InterfaceAddress.of(vmac.index(), ll, 64).withFlags(IFA_F_NODAD), 0,
                            0xFFFF_FFFFL);
                } catch (NetException e) {
                    if (e.errno() != 17 && create) log.info("Adding link-local address to vmac failed");
                }
            }
        }
        return links.link(name).orElse(vmac);
    }

    /** Deletes the VMACs no instance of {@code inUse} needs any more (a reload dropped their instance). */
    void retain(Collection<String> inUse) {
        for (var it = ours.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            if (!inUse.contains(e.getKey())) {
                delete(e.getKey(), e.getValue());
                it.remove();
            }
        }
    }

    /** SIGTERM without -V: every VMAC of this run goes (vrrp_daemon.c shutdown_vrrp_instances). */
    void deleteAll() {
        ours.forEach((name, instance) -> delete(name, instance));
        ours.clear();
    }

    private void delete(String name, String instance) {
        Optional<Link> l = links.link(name);
        if (l.isEmpty()) return;
        try {
            links.deleteLink(l.get().index());
            if (logDetail) log.info("({}) Success removing VMAC interface {}", instance, name);
        } catch (NetException e) {
            log.info("({}) Error removing VMAC interface {}", instance, name);
        }
    }
}
