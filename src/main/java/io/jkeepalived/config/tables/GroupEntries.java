package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.AddressFamily;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.VirtualServerGroup;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Numbers;
import io.jkeepalived.config.parse.ParseContext;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a {@code virtual_server_group} block (check_data.c alloc_vsg_entry):
 * {@code IP [PORT]}, {@code IP-LAST [PORT]}, {@code IP-IP [PORT]}, {@code IP/nn [PORT]} or
 * {@code fwmark N [inet|inet6]}. A bad entry is reported and skipped.
 */
final class GroupEntries {
    /** A group while its block is read. */
    static final class GroupBuilder {
        final String name;
        final List<VirtualServerGroup.Range> ranges = new ArrayList<>();
        final List<VirtualServerGroup.Fwmark> fwmarks = new ArrayList<>();
        boolean haveIpv4;
        boolean haveIpv6;
        boolean fwmarkNoFamily;

        GroupBuilder(String name) {
            this.name = name;
        }

        VirtualServerGroup build() {
            return new VirtualServerGroup(name, ranges, fwmarks);
        }
    }

    private GroupEntries() {}

    static void entry(ParseContext ctx, GroupBuilder g, Args a) {
        String addr = a.word(0);
        if (addr.equals("fwmark")) {
            fwmark(ctx, g, a);
            return;
        }
        String port = a.has(1) && !InetText.isNoPort(a.word(1)) ? a.word(1) : null;
        Endpoint start = InetText.endpoint(ctx, addr, port);
        if (start == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "Invalid virtual server group IP address " + addr + " "
                    + (port != null ? "/port/" + port : "") + " - skipping");
            return;
        }
        boolean v6 = start.family() == AddressFamily.INET6;
        int bits = v6 ? 128 : 32;
        BigInteger first = new BigInteger(1, start.address().getAddress());
        BigInteger last = first;
        int slash = addr.indexOf('/');
        int dash = addr.indexOf('-');
        if (slash >= 0) {
            Long mask = strtoul(addr.substring(slash + 1), 10);
            if (mask == null || mask == 0 || mask > bits) {
                ctx.error(ConfigError.GENERAL_ERROR, "Invalid netmask - " + addr + " - skipping");
                return;
            }
            // host bits must be clear; the range covers them all
            BigInteger host = BigInteger.ONE.shiftLeft(bits - mask.intValue()).subtract(BigInteger.ONE);
            if (first.and(host).signum() != 0) {
                ctx.error(ConfigError.GENERAL_ERROR, "Address mask bits not empty - " + addr + " - skipping");
                return;
            }
            last = first.or(host);
        } else if (dash >= 0 && addr.substring(dash + 1).indexOf(v6 ? ':' : '.') >= 0) {
            Endpoint end = InetText.endpoint(ctx, addr.substring(dash + 1), port);
            if (end == null) {
                ctx.error(ConfigError.GENERAL_ERROR, "Invalid range end " + addr + " - skipping");
                return;
            }
            if (end.family() != start.family()) {
                ctx.error(ConfigError.GENERAL_ERROR, "Range address families do not match " + addr + " - skipping");
                return;
            }
            last = new BigInteger(1, end.address().getAddress());
            if (last.compareTo(first) < 0) {
                ctx.error(ConfigError.GENERAL_ERROR,
                        "Address range end is less than address range start - " + addr + " - skipping");
                return;
            }
        } else if (dash >= 0) {
            // IP-LAST: the last octet (IPv4, decimal) or last 16-bit group (IPv6, hex) ends the range
            String endText = addr.substring(dash + 1);
            Long end = strtoul(endText, v6 ? 16 : 10);
            if (end == null) {
                ctx.error(ConfigError.INVALID_NUMBER, "Virtual server group range '" + addr
                        + "' has extra characters at end '" + junk(endText, v6 ? 16 : 10) + "'");
                return; // keepalived -t drops the entry; the daemon would keep it
            }
            long limit = v6 ? 0xffff : 255;
            if (end > limit) {
                ctx.error(ConfigError.INVALID_NUMBER, "Virtual server group range '" + addr + "' end '" + endText
                        + "' too large");
                return;
            }
            int shift = v6 ? 16 : 8;
            long startLow = first.longValue() & limit;
            if (startLow >= end) {
                ctx.error(ConfigError.GENERAL_ERROR,
                        "Address range end is not greater than address range start - " + addr + " - skipping");
                return;
            }
            last = first.shiftRight(shift).shiftLeft(shift).or(BigInteger.valueOf(end));
        }
        g.ranges.add(new VirtualServerGroup.Range(start.address(), toAddress(last, v6), start.port()));
        if (v6) g.haveIpv6 = true;
        else g.haveIpv4 = true;
    }

    private static void fwmark(ParseContext ctx, GroupBuilder g, Args a) {
        String w = a.word(1);
        Long mark = Numbers.readUnsigned(ctx, w, 0, 0xFFFF_FFFFL);
        if (mark == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "(" + g.name + "): fwmark '" + w + "' must be in [0, 4294967295] - ignoring");
            return;
        }
        AddressFamily fam = AddressFamily.UNSPEC;
        if (a.has(2)) {
            switch (a.word(2)) {
                case "inet" -> fam = AddressFamily.INET;
                case "inet6" -> fam = AddressFamily.INET6;
                default -> {
                    ctx.error(ConfigError.GENERAL_ERROR, "(" + g.name + "): fwmark '" + mark + "' family " + a.word(2)
                            + " unknown - ignoring");
                    return;
                }
            }
        }
        switch (fam) {
            case INET -> g.haveIpv4 = true;
            case INET6 -> g.haveIpv6 = true;
            case UNSPEC -> g.fwmarkNoFamily = true;
        }
        g.fwmarks.add(new VirtualServerGroup.Fwmark(mark, fam));
    }

    /** C strtoul over the whole text: leading blanks and a sign allowed; null on trailing junk or overflow. */
    static Long strtoul(String s, int base) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        if (base == 16 && s.startsWith("0x", i) || base == 16 && s.startsWith("0X", i)) i += 2;
        int digitsStart = i;
        long v = 0;
        while (i < s.length() && Character.digit(s.charAt(i), base) >= 0) {
            v = v * base + Character.digit(s.charAt(i), base);
            if (v > 0xFFFF_FFFFL * 16) v = Long.MAX_VALUE / 2; // saturate: too large anyway
            i++;
        }
        if (i == digitsStart) return s.isBlank() ? Long.valueOf(0) : null;
        if (i != s.length()) return null;
        return neg ? Long.MAX_VALUE / 2 : v; // a negative wraps to a huge unsigned value
    }

    private static String junk(String s, int base) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '+' || s.charAt(i) == '-'
                || Character.digit(s.charAt(i), base) >= 0)) i++;
        return s.substring(i);
    }

    private static InetAddress toAddress(BigInteger v, boolean v6) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[v6 ? 16 : 4];
        int n = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - n, out, out.length - n, n);
        try {
            return v6 ? java.net.Inet6Address.getByAddress(null, out, -1) : InetAddress.getByAddress(out);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
