package io.jkeepalived.harness;

import java.util.ArrayList;
import java.util.List;

/** One line of {@code ip -o addr}: the device, {@code inet} or {@code inet6}, and the address with its prefix. */
public record Address(String dev, String family, String cidr, String line) {

    /** The address without its prefix length. */
    public String ip() {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    public boolean isIpv6() {
        return family.equals("inet6");
    }

    /** Parses {@code ip -o addr} output: {@code "2: eth0    inet 10.99.0.1/24 brd … scope global eth0\ …"}. */
    static List<Address> parse(String ipOAddr) {
        List<Address> out = new ArrayList<>();
        for (String line : ipOAddr.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length < 4 || !w[0].endsWith(":")) continue;
            String dev = w[1];
            int at = dev.indexOf('@');
            if (at > 0) dev = dev.substring(0, at);
            out.add(new Address(dev, w[2], w[3], line));
        }
        return out;
    }
}
