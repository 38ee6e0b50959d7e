package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.parse.Numbers;
import io.jkeepalived.config.parse.ParseContext;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Address text as keepalived's checker side reads it (lib/utils.c inet_stosockaddr over glibc inet_pton):
 * a ':' makes it IPv6, anything from the first '-' or '/' is ignored, a port must be 1..65535 and a port of
 * all zeros means no port.
 */
final class InetText {
    private InetText() {}

    /** glibc inet_pton for the family chosen by the presence of ':'; null when not an address. */
    static InetAddress parse(String s) {
        return s.indexOf(':') >= 0 ? parse6(s) : parse4(s);
    }

    /** The address part of {@code ip} (cut at the first '-' or '/'). */
    static InetAddress parseHead(String ip) {
        int cut = ip.indexOf('-');
        if (cut < 0) cut = ip.indexOf('/');
        String head = cut < 0 ? ip : ip.substring(0, cut);
        // the family is decided on the whole word, as keepalived does
        return ip.indexOf(':') >= 0 ? parse6(head) : parse4(head);
    }

    /** A port word that is all zeros (or empty) stands for no port (keepalived 2.0.7 legacy rule). */
    static boolean isNoPort(String port) {
        return port == null || port.chars().allMatch(c -> c == '0');
    }

    /**
     * keepalived's inet_stosockaddr(ip, port): null when invalid (a bad port is reported as a number
     * error on the way).
     */
    static Endpoint endpoint(ParseContext ctx, String ip, String port) {
        int p = 0;
        if (port != null) {
            Long v = Numbers.readUnsigned(ctx, port, 1, 65535);
            if (v == null) return null;
            p = v.intValue();
        }
        InetAddress a = parseHead(ip);
        return a == null ? null : new Endpoint(a, p);
    }

    /** inet_ntop's text of an address. */
    static String text(InetAddress a) {
        return Endpoint.ntop(a);
    }

    static Inet4Address parse4(String s) {
        byte[] b = new byte[4];
        int part = 0;
        int val = -1;
        boolean leadingZero = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (leadingZero) return null; // glibc refuses "01"
                val = (val < 0 ? 0 : val * 10) + (c - '0');
                if (val > 255) return null;
                leadingZero = val == 0;
            } else if (c == '.') {
                if (val < 0 || part == 3) return null;
                b[part++] = (byte) val;
                val = -1;
                leadingZero = false;
            } else {
                return null;
            }
        }
        if (val < 0 || part != 3) return null;
        b[3] = (byte) val;
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static Inet6Address parse6(String s) {
        byte[] out = new byte[16];
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        int i = 0;
        int len = s.length();
        if (len == 0) return null;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (len == 2) return build(out, groups, n, gap);
        } else if (s.charAt(0) == ':') {
            return null;
        }
        while (i < len) {
            int start = i;
            int v = 0;
            while (i < len && Character.digit(s.charAt(i), 16) >= 0 && i - start < 5) {
                v = v * 16 + Character.digit(s.charAt(i), 16);
                i++;
            }
            int digits = i - start;
            if (i < len && s.charAt(i) == '.') {
                // an embedded IPv4 address ends the text
                Inet4Address v4 = parse4(s.substring(start));
                if (v4 == null || n > 6) return null;
                byte[] a = v4.getAddress();
                groups[n++] = (a[0] & 0xff) << 8 | (a[1] & 0xff);
                groups[n++] = (a[2] & 0xff) << 8 | (a[3] & 0xff);
                i = len;
                break;
            }
            if (digits == 0 || digits > 4 || n == 8) return null;
            groups[n++] = v;
            if (i == len) break;
            if (s.charAt(i) != ':') return null;
            i++;
            if (i < len && s.charAt(i) == ':') {
                if (gap >= 0) return null;
                gap = n;
                i++;
                if (i == len) break;
            } else if (i == len) {
                return null; // trailing single ':'
            }
        }
        return build(out, groups, n, gap);
    }

    private static Inet6Address build(byte[] out, int[] groups, int n, int gap) {
        if (gap < 0 && n != 8) return null;
        if (gap >= 0 && n > 7) return null;
        int[] full = new int[8];
        if (gap < 0) {
            System.arraycopy(groups, 0, full, 0, 8);
        } else {
            System.arraycopy(groups, 0, full, 0, gap);
            int tail = n - gap;
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        for (int k = 0; k < 8; k++) {
            out[2 * k] = (byte) (full[k] >> 8);
            out[2 * k + 1] = (byte) full[k];
        }
        try {
            return Inet6Address.getByAddress(null, out, -1);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
