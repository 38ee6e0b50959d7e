package io.jkeepalived.vrrp.packet;

/**
 * A unicast_peer as the receive checks need it: its address and the TTL/hop-limit window
 * ({@code min_ttl}/{@code max_ttl}, default 0..255) enforced with check_unicast_src.
 */
public record UnicastPeer(byte[] address, int minTtl, int maxTtl) {
    public UnicastPeer {
        address = address.clone();
    }

    public UnicastPeer(byte[] address) {
        this(address, 0, 255);
    }
}
