package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.net.AddressControl;
import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.NetException;
import io.jkeepalived.vrrp.packet.AddressText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance's virtual_ipaddress lines as kernel addresses (keepalived.conf(5): "ADDR/PREFIX brd B dev IF
 * scope S label L"; IPv6 VIPs always get nodad, as keepalived adds them), added and removed as a set.
 */
final class VirtualAddresses {
    private static final Logger log = LoggerFactory.getLogger(VirtualAddresses.class);
    // rtnetlink IFA_F_* (linux/if_addr.h)
    private static final int IFA_F_NODAD = 0x02;
    private static final int IFA_F_HOMEADDRESS = 0x10;
    private static final int IFA_F_MANAGETEMPADDR = 0x100;
    private static final int IFA_F_NOPREFIXROUTE = 0x200;
    private static final int IFA_F_MCAUTOJOIN = 0x400;

    private static final int EEXIST = 17;

    private final String instance;
    private final List<InterfaceAddress> addresses;
    private final List<String> devices;
    private boolean set;

    private VirtualAddresses(String instance, List<InterfaceAddress> addresses, List<String> devices) {
        this.instance = instance;
        this.addresses = List.copyOf(addresses);
        this.devices = List.copyOf(devices);
    }

    /** Resolves each VIP's interface ({@code dev}, else the instance's) to its index; unknown ones are left out. */
    static VirtualAddresses of(String instance, String defaultDev, List<VirtualIp> vips, Map<String, Integer> ifIndex) {
        List<InterfaceAddress> out = new ArrayList<>();
        List<String> devs = new ArrayList<>();
        for (VirtualIp v : vips) {
            String dev = v.dev() != null ? v.dev() : defaultDev;
            Integer index = dev == null ? null : ifIndex.get(dev);
            if (index == null) {
                log.info("({}) cannot find interface {} for VIP {}", instance, dev, AddressText.of(v.address().getAddress()));
                continue;
            }
            out.add(new InterfaceAddress(index, v.address(), v.prefix(), v.scope(), flags(v), v.label(),
                    v.broadcast()));
            devs.add(dev);
        }
        return new VirtualAddresses(instance, out, devs);
    }

    private static int flags(VirtualIp v) {
        int f = v.isIpv6() ? IFA_F_NODAD : 0;
        for (VirtualIp.Flag flag : v.flags()) {
            f |= switch (flag) {
                case HOME -> IFA_F_HOMEADDRESS;
                case NODAD -> IFA_F_NODAD;
                case MNGTMPADDR -> IFA_F_MANAGETEMPADDR;
                case NOPREFIXROUTE -> IFA_F_NOPREFIXROUTE;
                case AUTOJOIN -> IFA_F_MCAUTOJOIN;
            };
        }
        return f;
    }

    List<InterfaceAddress> addresses() {
        return addresses;
    }

    /** The interface name of the {@code i}-th address. */
    String device(int i) {
        return devices.get(i);
    }

    boolean isSet() {
        return set;
    }

    void add(AddressControl kernel) {
        for (InterfaceAddress a : addresses) {
            try {
                kernel.addAddress(a);
            } catch (NetException e) {
                // an address already there (ours from an earlier run, or the operator's) is fine
                if (e.errno() != EEXIST) {
                    log.info("({}) cannot add VIP {}: {}", instance, AddressText.of(a.address().getAddress()), e.getMessage());
                }
            }
        }
        set = true;
    }

    /** Removes every address; absent ones are no error (keepalived's start-up cleanup relies on that). */
    void remove(AddressControl kernel) {
        for (InterfaceAddress a : addresses) {
            try {
                kernel.deleteAddress(a);
            } catch (NetException e) {
                // already gone
            }
        }
        set = false;
    }
}
