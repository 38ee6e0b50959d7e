package io.jkeepalived.config.tables;

import static io.jkeepalived.config.parse.ValueType.*;
import static io.jkeepalived.config.tables.LvsWords.*;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.DnsCheck;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.tables.CheckerBuilder.Conn;
import io.jkeepalived.config.tables.CheckerBuilder.Kind;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The checker blocks of a real_server (check_api.c install_checkers_keyword and check_*.c): their
 * keywords, and their end handlers, which may drop the checker with an error.
 * HTTP_GET and SSL_GET are in {@link HttpCheckTable}; MISC, FILE and BFD in {@link LocalCheckTables}.
 */
final class CheckerTables {
    private CheckerTables() {}

    static void install(Block<RsBuilder> rs) {
        checker(rs, Kind.MISC_CHECK, LocalCheckTables.misc(), LocalCheckTables::endMisc);
        checker(rs, Kind.SMTP_CHECK, smtp(), CheckerTables::endSmtp);
        checker(rs, Kind.TCP_CHECK, connecting("TCP_CHECK"), CheckerTables::endConn);
        checker(rs, Kind.PING_CHECK, connecting("PING_CHECK"), CheckerTables::endConn);
        checker(rs, Kind.UDP_CHECK, udp(), CheckerTables::endUdp);
        checker(rs, Kind.HTTP_GET, HttpCheckTable.block("HTTP_GET"), HttpCheckTable::end);
        checker(rs, Kind.SSL_GET, HttpCheckTable.block("SSL_GET"), HttpCheckTable::end);
        checker(rs, Kind.DNS_CHECK, dns(), CheckerTables::endDns);
        checker(rs, Kind.FILE_CHECK, LocalCheckTables.file(), LocalCheckTables::endFile);
        checker(rs, Kind.BFD_CHECK, LocalCheckTables.bfd(), LocalCheckTables::endBfd);
    }

    private static void checker(Block<RsBuilder> rs, Kind kind, Block<CheckerBuilder> body,
                                BiConsumer<ParseContext, CheckerBuilder> end) {
        rs.sub(kw(kind.name(), 0, 0, BLOCK), body, (ctx, r, a) -> {
            CheckerBuilder c = new CheckerBuilder(kind, r, a.line().line());
            switch (kind) {
                case HTTP_GET, SSL_GET -> c.defaultDelayBeforeRetryMicros = 3_000_000L;
                case DNS_CHECK -> {
                    c.defaultRetry = 3;
                    c.defaultDelayBeforeRetryMicros = 0;
                }
                case MISC_CHECK -> c.defaultRetry = 0;
                default -> { }
            }
            return c;
        }, (ctx, r, c) -> {
            end.accept(ctx, c);
            if (!c.dropped) r.checkers.add(c);
        });
    }

    /** check_api.c install_checker_common_keywords; {@code conn} gives where connection keywords write. */
    static <T> void common(Block<T> b, boolean connection, Function<T, CheckerBuilder> owner, Function<T, Conn> conn) {
        if (connection) {
            b.simple(kw("connect_ip", 1, 1, IP), (ctx, t, a) -> {
                Conn co = conn.apply(t);
                InetAddress ip = InetText.parseHead(a.word(1));
                // as keepalived, a bad or mismatched address leaves the destination without a family
                if (ip == null) {
                    ctx.error(ConfigError.GENERAL_ERROR, "Invalid connect_ip address " + a.word(1) + " - ignoring");
                    co.dst = null;
                    co.dstUnusable = true;
                } else if (co.bindTo != null && co.bindTo.getClass() != ip.getClass()) {
                    ctx.error(ConfigError.GENERAL_ERROR, "connect_ip address " + a.word(1) + " does not match address family of bindto - skipping");
                    co.dst = null;
                    co.dstUnusable = true;
                } else {
                    co.dstUnusable = false;
                    co.dst = ip;
                }
            });
            b.simple(kw("connect_port", 1, 1, UNSIGNED).range("1..65535"), (ctx, t, a) -> {
                Long v = unsigned(ctx, a, 1, 65535);
                if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid checker connect_port '" + a.word(1) + "'");
                else conn.apply(t).dstPort = v.intValue();
            });
            b.simple(kw("bindto", 1, 1, IP), (ctx, t, a) -> {
                Conn co = conn.apply(t);
                InetAddress ip = InetText.parseHead(a.word(1));
                if (ip == null) {
                    ctx.error(ConfigError.GENERAL_ERROR, "Invalid bindto address " + a.word(1) + " - ignoring");
                    co.bindTo = null;
                } else if (co.dst != null && co.dst.getClass() != ip.getClass()) {
                    ctx.error(ConfigError.GENERAL_ERROR, "bindto address " + a.word(1) + " does not match address family of connect_ip - skipping");
                    co.bindTo = null;
                } else {
                    co.bindTo = ip;
                }
            });
            b.simple(kw("bind_port", 1, 1, UNSIGNED).range("1..65535"), (ctx, t, a) -> {
                Long v = unsigned(ctx, a, 1, 65535);
                if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid checker bind_port '" + a.word(1) + "'");
                else conn.apply(t).bindPort = v.intValue();
            });
            b.simple(kw("bind_if", 1, 1, INTERFACE), (ctx, t, a) -> {
                if (a.word(1).length() > 15) ctx.error(ConfigError.GENERAL_ERROR, "Interface name " + a.word(1) + " is too long - ignoring");
                else conn.apply(t).bindIf = a.word(1);
            });
            b.simple(kw("connect_timeout", 1, 1, TIMER).defaultValue("real server's (5)"), (ctx, t, a) -> {
                Long v = timer(ctx, a, 1, UINT_MAX);
                if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "connect_timeout " + a.word(1) + " invalid - ignoring");
                else conn.apply(t).connectTimeoutMicros = v;
            });
            b.simple(kw("fwmark", 1, 1, UNSIGNED).range("0..4294967295"), (ctx, t, a) -> {
                Long v = unsigned(ctx, a, 0, UINT_MAX);
                if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid fwmark connection value '" + a.word(1) + "'");
                else conn.apply(t).fwmark = v;
            });
        }
        b.simple(kw("retry", 1, 1, UNSIGNED).range("0..4294967295"), (ctx, t, a) -> {
            Long v = unsigned(ctx, a, 0, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid retry connection value '" + a.word(1) + "'");
            else owner.apply(t).retry = v;
        });
        b.simple(kw("delay_before_retry", 1, 1, TIMER), (ctx, t, a) -> {
            Long v = timer(ctx, a, 0, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid delay_before_retry connection value '" + a.word(1) + "'");
            else owner.apply(t).delayBeforeRetryMicros = v;
        });
        b.simple(kw("warmup", 1, 1, TIMER), (ctx, t, a) -> {
            Long v = timer(ctx, a, 0, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid warmup connection value '" + a.word(1) + "'");
            else owner.apply(t).warmupMicros = v;
        });
        b.simple(kw("delay_loop", 1, 1, TIMER), (ctx, t, a) -> {
            Long v = timer(ctx, a, 1, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "delay_loop '" + a.word(1) + "' is invalid - ignoring");
            else owner.apply(t).delayLoopMicros = v;
        });
        b.simple(kw("alpha", 0, 1, BOOL), (ctx, t, a) -> {
            Boolean v = bool(ctx, a, "alpha");
            if (v != null) owner.apply(t).alpha = v;
        });
        b.simple(kw("log_all_failures", 0, 1, BOOL), (ctx, t, a) -> {
            Boolean v = bool(ctx, a, "log_all_failures");
            if (v != null) owner.apply(t).logAllFailures = v;
        });
    }

    static void commonOf(Block<CheckerBuilder> b, boolean connection) {
        common(b, connection, c -> c, c -> c.co);
    }

    private static Block<CheckerBuilder> connecting(String name) {
        Block<CheckerBuilder> b = new Block<>(name);
        commonOf(b, true);
        return b;
    }

    /** check_conn_opts: an IPv6 link-local destination needs bind_if. */
    static boolean connOk(ParseContext ctx, Conn co) {
        if (co.dst instanceof Inet6Address a6 && a6.isLinkLocalAddress() && co.bindIf == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "Checker link local address " + InetText.text(co.dst) + " requires a bind_if");
            return false;
        }
        return true;
    }

    private static void endConn(ParseContext ctx, CheckerBuilder c) {
        if (!connOk(ctx, c.co)) c.dropped = true;
    }

    private static Block<CheckerBuilder> smtp() {
        Block<CheckerBuilder> b = new Block<>("SMTP_CHECK");
        b.simple(kw("helo_name", 1, 1, STRING).defaultValue("smtpchecker.keepalived.org"), (ctx, c, a) -> {
            if (!a.has(1)) ctx.error(ConfigError.GENERAL_ERROR, "SMTP_CHECK helo name missing");
            else c.heloName = a.word(1);
        });
        commonOf(b, true);
        // deprecated: each host { } becomes a checker of its own (keepalived logs a deprecation, not an error)
        Block<SmtpHost> host = new Block<>("host");
        common(host, true, h -> h.owner, h -> h.co);
        b.sub(kw("host", 0, 0, BLOCK).replacedBy("one SMTP_CHECK per host"), host, (ctx, c, a) -> {
            SmtpHost h = new SmtpHost();
            h.owner = c;
            h.co = new Conn(c.rs.address.address(), c.rs.address.port());
            return h;
        }, (ctx, c, h) -> {
            if (connOk(ctx, h.co)) c.smtpHosts.add(h.co);
        });
        return b;
    }

    static final class SmtpHost {
        CheckerBuilder owner;
        Conn co;
    }

    private static void endSmtp(ParseContext ctx, CheckerBuilder c) {
        if (c.heloName == null) c.heloName = io.jkeepalived.config.model.SmtpCheck.DEFAULT_HELO;
        if (c.co.anySet() || c.smtpHosts.isEmpty()) {
            if (c.co.dst == null) c.co.dst = c.rs.address.address();
            if (c.co.dstPort == 0) c.co.dstPort = c.rs.address.port();
            if (!connOk(ctx, c.co)) c.dropped = true;
        } else {
            // the first host takes the checker's place
            Conn first = c.smtpHosts.removeFirst();
            c.co.dst = first.dst;
            c.co.dstPort = first.dstPort;
            c.co.bindTo = first.bindTo;
            c.co.bindPort = first.bindPort;
            c.co.bindIf = first.bindIf;
            c.co.connectTimeoutMicros = first.connectTimeoutMicros;
            c.co.fwmark = first.fwmark;
        }
    }

    private static Block<CheckerBuilder> dns() {
        Block<CheckerBuilder> b = new Block<>("DNS_CHECK");
        commonOf(b, true);
        b.simple(kw("type", 1, 1, ENUM).range("A|NS|CNAME|SOA|MX|TXT|AAAA|RRSIG|DNSKEY").defaultValue("SOA"), (ctx, c, a) -> {
            DnsCheck.Type t = null;
            for (DnsCheck.Type x : DnsCheck.Type.values()) if (x.name().equalsIgnoreCase(a.word(1))) t = x;
            if (t == null) ctx.error(ConfigError.GENERAL_ERROR, "Unknown DNS check type " + a.word(1) + " - ignoring");
            else c.dnsType = t;
        });
        b.simple(kw("name", 1, 1, STRING).defaultValue("(root)"), (ctx, c, a) -> {
            if (c.dnsName != null) {
                ctx.error(ConfigError.GENERAL_ERROR, "DNS_CHECK name already specified - ignoring");
                return;
            }
            String n = a.word(1);
            // keepalived's label scan also looks at the second character, so "a.b" is refused too (2.2.7 quirk)
            boolean bad = n.startsWith(".") && n.length() > 1 || n.length() > 1 && n.charAt(1) == '.' || n.contains("..");
            if (bad) ctx.error(ConfigError.GENERAL_ERROR, "DNS_CHECK name '" + n + "' has empty label - ignoring");
            else c.dnsName = n;
        });
        return b;
    }

    private static void endDns(ParseContext ctx, CheckerBuilder c) {
        if (!connOk(ctx, c.co)) {
            c.dropped = true;
            return;
        }
        if (c.dnsName == null) c.dnsName = "";
    }

    private static Block<CheckerBuilder> udp() {
        Block<CheckerBuilder> b = new Block<>("UDP_CHECK");
        commonOf(b, true);
        b.simple(kw("payload", 1, Integer.MAX_VALUE, WORDS).range("HEX"), (ctx, c, a) -> {
            if (!a.has(1)) {
                ctx.error(ConfigError.GENERAL_ERROR, "UDP_CHECK payload requires a payload");
                return;
            }
            HexText h = HexText.read(String.join(" ", a.words().subList(1, a.size())), false);
            if (h == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid hex string for UDP_CHECK payload");
            else c.payload = h.data();
        });
        b.simple(kw("require_reply", 0, Integer.MAX_VALUE, WORDS).range("[HEX with x wildcards]"), (ctx, c, a) -> {
            c.requireReply = true;
            if (!a.has(1)) return;
            HexText h = HexText.read(String.join(" ", a.words().subList(1, a.size())), true);
            if (h == null) {
                ctx.error(ConfigError.GENERAL_ERROR, "Invalid hex string for UDP_CHECK reply");
                return;
            }
            c.reply = h.data();
            c.replyMask = h.mask();
        });
        b.simple(kw("min_reply_length", 1, 1, UNSIGNED).range("0..65535").defaultValue("0"), (ctx, c, a) -> {
            Long v = unsigned(ctx, a, 0, 65535);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "UDP_CHECK min length " + a.word(1) + " not valid - must be between 0 & 65535");
            else c.minReplyLength = v.intValue();
        });
        b.simple(kw("max_reply_length", 1, 1, UNSIGNED).range("0..65535").defaultValue("255"), (ctx, c, a) -> {
            Long v = unsigned(ctx, a, 0, 65535);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "UDP_CHECK max length " + a.word(1) + " not valid - must be between 0 & 65535");
            else c.maxReplyLength = v.intValue();
        });
        return b;
    }

    private static void endUdp(ParseContext ctx, CheckerBuilder c) {
        if (!connOk(ctx, c.co)) {
            c.dropped = true;
            return;
        }
        if (c.minReplyLength > c.maxReplyLength) {
            ctx.error(ConfigError.GENERAL_ERROR, "UDP_CHECK min_reply length " + c.minReplyLength + " > max_reply_length "
                    + c.maxReplyLength + " - will always fail");
        }
    }
}
