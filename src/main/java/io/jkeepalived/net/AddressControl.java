package io.jkeepalived.net;

import java.util.List;

/** Adding and removing interface addresses (keepalived's virtual_ipaddress). Failures throw {@link NetException}. */
public interface AddressControl {
    void addAddress(InterfaceAddress address);

    /**
     * Adds with lifetimes (IFA_CACHEINFO, seconds; 0xFFFFFFFF = forever): a preferred lifetime of 0 makes
     * the address deprecated, as keepalived adds a VMAC's link-local. The default ignores the lifetimes.
     */
    default void addAddress(InterfaceAddress address, long preferredSeconds, long validSeconds) {
        addAddress(address);
    }

    void deleteAddress(InterfaceAddress address);

    /** Every address of a family, or of both when {@code family} is null. */
    List<InterfaceAddress> addresses(IpFamily family);
}
