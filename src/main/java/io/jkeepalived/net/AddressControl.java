package io.jkeepalived.net;

import java.util.List;

/** Adding and removing interface addresses (keepalived's virtual_ipaddress). Failures throw {@link NetException}. */
public interface AddressControl {
    void addAddress(InterfaceAddress address);

    void deleteAddress(InterfaceAddress address);

    /** Every address of a family, or of both when {@code family} is null. */
    List<InterfaceAddress> addresses(IpFamily family);
}
