package io.jkeepalived.config.model;

import java.net.Inet6Address;
import java.net.InetAddress;

/** An address with an optional port (0 = none), as keepalived keeps servers (sockaddr). */
public record Endpoint(InetAddress address, int port) {
    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    public Endpoint withPort(int p) {
        return new Endpoint(address, p);
    }

    public String host() {
        return ntop(address);
    }

    /** inet_ntop's text of an address: IPv6 with the longest run (of 2 or more) of zero groups as "::". */
    public static String ntop(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) return a.getHostAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        boolean mapped = bestStart == 0 && (bestLen == 5 && g[5] == 0xffff || bestLen == 6);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (mapped && i == 6) {
                if (sb.charAt(sb.length() - 1) != ':') sb.append(':');
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.').append(b[14] & 0xff).append('.').append(b[15] & 0xff);
                break;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }


    /** keepalived's inet_sockaddrtotrio: {@code [ip]:proto:port}. */
    public String trio(Protocol p) {
        return "[" + host() + "]:" + p.word() + ":" + port;
    }

    @Override
    public String toString() {
        return address instanceof Inet6Address ? "[" + host() + "]:" + port : host() + ":" + port;
    }
}
