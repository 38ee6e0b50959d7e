package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.lexer.ScriptLine;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.ParseContext;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Readers for the word types the VRRP and global tables share (addresses, scripts, booleans). */
final class Words {
    private Words() {}

    /** inet_pton: a dotted quad for IPv4 (a ':' means IPv6); never a DNS lookup. Null when not an address. */
    static InetAddress ip(String s) {
        if (s == null || s.isEmpty()) return null;
        if (s.indexOf(':') >= 0) return ipv6(s);
        String[] p = s.split("\\.", -1);
        if (p.length != 4) return null;
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String q = p[i];
            if (q.isEmpty() || q.length() > 3 || !q.chars().allMatch(Character::isDigit)) return null;
            if (q.length() > 1 && q.charAt(0) == '0') return null;
            int v = Integer.parseInt(q);
            if (v > 255) return null;
            b[i] = (byte) v;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress ipv6(String s) {
        if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) return null;
        if (s.contains(":::")) return null;
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return null;
        try {
            InetAddress a = InetAddress.getByName(s.startsWith("[") ? s : s);
            if (a instanceof Inet4Address) {
                // an IPv4-mapped address is given back as IPv4 by the JDK; keepalived keeps it IPv6
                byte[] v4 = a.getAddress();
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xff;
                v6[11] = (byte) 0xff;
                System.arraycopy(v4, 0, v6, 12, 4);
                return Inet6Address.getByAddress(null, v6, -1);
            }
            return a;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** keepalived's inet_stosockaddr: an address, IPv6 optionally in brackets, optionally with %scope. */
    static InetAddress sockaddr(String s) {
        String t = s;
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        int pct = t.indexOf('%');
        if (pct > 0 && t.indexOf(':') >= 0) t = t.substring(0, pct);
        return ip(t);
    }

    static boolean isMulticast(InetAddress a) {
        return a != null && a.isMulticastAddress();
    }

    /**
     * A script keyword's line re-read with keepalived's quoting (alloc_strvec_quoted_escaped): word 1 is
     * the command line, then [user [group]]. Null where keepalived gives up on it (no command, an
     * unmatched quote), which it only logs.
     */
    static Script script(ParseContext ctx, Args a) {
        ScriptLine sl = ScriptLine.parse(a.line(), ctx.diagnostics());
        if (sl == null) return null;
        List<String> outer = ScriptLine.words(a.line().text());
        String text = outer != null && outer.size() > 1 ? outer.get(1) : String.join(" ", sl.argv());
        return new Script(text, sl.argv(), sl.user(), sl.group());
    }

    /** An optional BOOL after the keyword; null (after reporting {@code message}) when invalid. */
    static Boolean bool(ParseContext ctx, Args a, int at, String message) {
        if (!a.has(at)) return Boolean.TRUE;
        return switch (a.word(at)) {
            case "true", "on", "yes" -> Boolean.TRUE;
            case "false", "off", "no" -> Boolean.FALSE;
            default -> {
                ctx.error(ConfigError.GENERAL_ERROR, message.replace("%s", a.word(at)));
                yield null;
            }
        };
    }

    /** keepalived's check_true_false: 1, 0, or -1 when the word is not a boolean. */
    static int trueFalse(String w) {
        return switch (w) {
            case "true", "on", "yes" -> 1;
            case "false", "off", "no" -> 0;
            default -> -1;
        };
    }

    /**
     * keepalived's read_decimal_unsigned_strvec with ignore_error set: a word with trailing junk is reported
     * as an invalid number yet accepted with the value of its leading digits when that is within range
     * (lib/parser.c returns "ignore_error && in range"). Negative or too large values are refused.
     */
    static Long lenientTimer(ParseContext ctx, String w, long min, long max) {
        Long v = io.jkeepalived.config.parse.Numbers.readDecimal(ctx, w, min, max, 6);
        if (v != null || w.startsWith("-")) return v;
        String munged = w.replaceFirst("\\.", "") + "000000";
        int i = 0;
        while (i < munged.length() && Character.isDigit(munged.charAt(i))) i++;
        if (i == munged.length() || i > 18) return null; // it was a valid number, so out of range
        long lead = i == 0 ? 0 : Long.parseLong(munged.substring(0, i));
        return lead >= min && lead <= max ? lead : null;
    }

    /** An interface name must fit IFNAMSIZ (16, NUL included). */
    static boolean ifnameTooLong(String name) {
        return name.length() >= 16;
    }
}
