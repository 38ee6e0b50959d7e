package io.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Literal IP addresses as raw bytes, for tests. */
final class Addresses {
    private Addresses() {
    }

    static byte[] ip(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
