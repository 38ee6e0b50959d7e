package io.jkeepalived.net;

import java.util.List;
import java.util.Optional;

/** Interfaces: listing, up/down, and the macvlan interfaces of use_vmac. Failures throw {@link NetException}. */
public interface LinkControl {
    List<Link> links();

    Optional<Link> link(String name);

    void setUp(int ifIndex, boolean up);

    /** Creates a macvlan on {@code parentIndex} with the given MAC and mode (MACVLAN_MODE_*); returns it. */
    Link addMacvlan(String name, int parentIndex, byte[] mac, int mode);

    /** Sets the IPv6 address generation mode (IN6_ADDR_GEN_MODE_*: 0 EUI-64, 1 none). */
    void setAddrGenMode(int ifIndex, int mode);

    void deleteLink(int ifIndex);
}
