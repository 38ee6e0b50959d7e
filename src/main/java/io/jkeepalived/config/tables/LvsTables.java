package io.jkeepalived.config.tables;

import static io.jkeepalived.config.parse.ValueType.*;
import static io.jkeepalived.config.tables.LvsWords.*;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.AddressFamily;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.Forwarding;
import io.jkeepalived.config.model.Protocol;
import io.jkeepalived.config.model.VirtualServer;
import io.jkeepalived.config.model.VirtualServer.ServiceFlag;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;
import java.util.List;

/**
 * The root LVS blocks: {@code SSL}, {@code virtual_server_group} and {@code virtual_server} with its
 * keywords (check_parser.c init_check_keywords). real_server and the checkers are in {@link RealServerTable}
 * and {@link CheckerTables}.
 */
final class LvsTables {
    private LvsTables() {}

    static final List<String> SCHEDULERS =
            List.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos");

    static void install(Block<RootBuilder> root) {
        root.sub(kw("SSL", 0, 0, BLOCK), ssl(), (ctx, r, a) -> r.lvs.openSsl(ctx), null);
        root.lines(kw("virtual_server_group", 1, 1, LINES).range("NAME"),
                (ctx, r, a) -> r.lvs.openGroup(a.word(1)),
                (ctx, r, a) -> GroupEntries.entry(ctx, r.lvs.currentGroup(), a),
                (ctx, r) -> r.lvs.closeGroup(ctx));
        root.sub(kw("virtual_server", 1, 2, BLOCK).range("IP [PORT] | fwmark N | group NAME"),
                virtualServer(), LvsTables::openVs, (ctx, r, vs) -> {
                    endVs(ctx, vs);
                    r.lvs.servers.add(vs);
                });
    }

    private static Block<LvsPart.SslBuilder> ssl() {
        Block<LvsPart.SslBuilder> b = new Block<>("SSL");
        b.simple(kw("password", 1, 1, STRING), (ctx, s, a) -> s.password = sslFile(ctx, a, s.password, "password"));
        b.simple(kw("ca", 1, 1, PATH), (ctx, s, a) -> s.ca = sslFile(ctx, a, s.ca, "cafile"));
        b.simple(kw("certificate", 1, 1, PATH), (ctx, s, a) -> s.certificate = sslFile(ctx, a, s.certificate, "certfile"));
        b.simple(kw("key", 1, 1, PATH), (ctx, s, a) -> s.key = sslFile(ctx, a, s.key, "keyfile"));
        return b;
    }

    private static String sslFile(ParseContext ctx, Args a, String old, String type) {
        if (!a.has(1)) {
            ctx.error(ConfigError.GENERAL_ERROR, "SSL " + type + " missing");
            return old;
        }
        if (old != null) ctx.error(ConfigError.GENERAL_ERROR, "SSL " + type + " already specified - replacing");
        return a.word(1);
    }

    private static VsBuilder openVs(ParseContext ctx, RootBuilder r, Args a) {
        String p1 = a.word(1);
        VsBuilder vs = new VsBuilder(a.line().file(), a.line().line());
        if (p1.equals("group")) {
            vs.service = new VirtualServer.Service.Group(a.word(2));
            return vs;
        }
        if (p1.equals("fwmark")) {
            String w = a.word(2);
            Long mark = io.jkeepalived.config.parse.Numbers.readUnsigned(ctx, w, 0, UINT_MAX);
            if (mark == null) {
                ctx.error(ConfigError.GENERAL_ERROR, "virtual server fwmark '" + w + "' must be in [0, 4294967295] - ignoring");
                return null;
            }
            vs.service = new VirtualServer.Service.Fwmark(mark);
            return vs;
        }
        String port = a.has(2) && !InetText.isNoPort(a.word(2)) ? a.word(2) : null;
        Endpoint e = InetText.endpoint(ctx, p1, port);
        if (e == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "Invalid virtual server IP address" + (port != null ? "/port" : "")
                    + " " + p1 + (port != null ? "/" + port : "") + " - skipping");
            return null;
        }
        vs.service = new VirtualServer.Service.Address(e);
        vs.address = e;
        vs.family = e.family();
        return vs;
    }

    /** keepalived's vs_end_handler: the family from a non-tunnelled sorry server, or for fwmarks from the servers. */
    private static void endVs(ParseContext ctx, VsBuilder vs) {
        if (vs.sorry != null && (vs.sorry.forwarding == null || vs.sorry.forwarding.method() != Forwarding.Method.TUN)) {
            AddressFamily sf = vs.sorry.address.family();
            if (vs.family == AddressFamily.UNSPEC) {
                vs.family = sf;
            } else if (vs.family != sf) {
                ctx.error(ConfigError.GENERAL_ERROR, "Address family of virtual server and sorry server "
                        + vs.sorry.address.host() + " don't match - skipping sorry server.");
                vs.sorry = null;
            }
        }
        if (vs.family == AddressFamily.UNSPEC && vs.groupName() == null) {
            boolean mixed = false;
            if (vs.sorry != null) vs.family = vs.sorry.address.family();
            for (RsBuilder rs : vs.realServers) {
                if (vs.family == AddressFamily.UNSPEC) vs.family = rs.address.family();
                else if (vs.family != rs.address.family()) {
                    mixed = true;
                    break;
                }
            }
            if (mixed || vs.family == AddressFamily.UNSPEC) vs.family = AddressFamily.INET;
        }
    }

    private static Block<VsBuilder> virtualServer() {
        Block<VsBuilder> b = new Block<>("virtual_server");
        b.simple(kw("ip_family", 1, 1, ENUM).range("inet|inet6"), LvsTables::ipFamily);
        b.simple(kw("retry", 1, 1, UNSIGNED).range("1..4294967295"), (ctx, vs, a) -> {
            Long v = unsigned(ctx, a, 1, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "retry value invalid - " + a.word(1));
            else vs.retry = v;
        });
        b.simple(kw("delay_before_retry", 1, 1, TIMER), (ctx, vs, a) -> {
            Long v = timer(ctx, a, 0, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "virtual server delay before retry '" + a.word(1) + "' invalid - ignoring");
            else vs.delayBeforeRetryMicros = v;
        });
        b.simple(kw("warmup", 1, 1, TIMER), (ctx, vs, a) -> {
            Long v = timer(ctx, a, 0, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "virtual server warmup '" + a.word(1) + "' invalid - ignoring");
            else vs.warmupMicros = v;
        });
        b.simple(kw("connect_timeout", 1, 1, TIMER).defaultValue("5"), (ctx, vs, a) -> {
            Long v = timer(ctx, a, 1, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "virtual server connect_timeout " + a.word(1) + " invalid - ignoring");
            else vs.connectTimeoutMicros = v;
        });
        b.simple(kw("delay_loop", 1, 1, TIMER).defaultValue("60"), (ctx, vs, a) -> {
            Long v = timer(ctx, a, 1, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "virtual server delay loop '" + a.word(1) + "' invalid - ignoring");
            else vs.delayLoopMicros = v;
        });
        b.simple(kw("inhibit_on_failure", 0, 0, NONE), (ctx, vs, a) -> vs.inhibit = true);
        b.simple(kw("lvs_sched", 1, 1, ENUM).range(String.join("|", SCHEDULERS)).defaultValue("wlc"), (ctx, vs, a) -> {
            String s = a.word(1);
            if (!SCHEDULERS.contains(s)) ctx.error(ConfigError.GENERAL_ERROR, "Invalid lvs_scheduler '" + s + "' - ignoring");
            else vs.scheduler = s;
        });
        b.alias("lb_algo", "lvs_sched");
        for (String f : List.of("hashed", "ops", "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback", "mh-port", "mh-fallback")) {
            b.simple(kw(f, 0, 0, NONE), LvsTables::serviceFlag);
        }
        b.simple(kw("lvs_method", 1, 7, ENUM).range("NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]")
                .defaultValue("NAT"), (ctx, vs, a) -> vs.forwarding = ForwardingText.parse(ctx, a, vs.forwarding, "virtual"));
        b.alias("lb_kind", "lvs_method");
        b.simple(kw("persistence_engine", 1, 1, STRING), (ctx, vs, a) -> {
            String s = a.word(1);
            if (s.length() > 15) {
                ctx.error(ConfigError.GENERAL_ERROR, "persistence_name too long, truncating - " + s);
                s = s.substring(0, 15);
            }
            vs.persistenceEngine = s;
        });
        b.simple(kw("persistence_timeout", 0, 1, UNSIGNED).range("1..2678400").defaultValue("360 when given alone"), (ctx, vs, a) -> {
            if (!a.has(1)) {
                vs.persistenceTimeout = 360;
                return;
            }
            Long v = unsigned(ctx, a, 1, 86400L * 31);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "persistence_timeout invalid");
            else vs.persistenceTimeout = v;
        });
        b.simple(kw("persistence_granularity", 1, 1, STRING).range("NETMASK | 1..128"), LvsTables::granularity);
        b.simple(kw("protocol", 1, 1, ENUM).range("TCP|UDP|SCTP").defaultValue("UDP, with an error"), (ctx, vs, a) -> {
            String s = a.word(1);
            switch (s.toUpperCase(java.util.Locale.ROOT)) {
                case "TCP" -> vs.protocol = Protocol.TCP;
                case "UDP" -> vs.protocol = Protocol.UDP;
                case "SCTP" -> vs.protocol = Protocol.SCTP;
                default -> ctx.error(ConfigError.GENERAL_ERROR, "Unknown protocol " + s + " - ignoring");
            }
        });
        b.simple(kw("ha_suspend", 0, 0, NONE), (ctx, vs, a) -> vs.haSuspend = true);
        b.simple(kw("smtp_alert", 0, 1, BOOL), (ctx, vs, a) -> {
            Boolean v = bool(ctx, a, "virtual_server smtp_alert");
            if (v != null) vs.smtpAlert = v;
        });
        b.simple(kw("virtualhost", 1, 1, STRING), (ctx, vs, a) -> {
            if (!a.has(1)) ctx.error(ConfigError.GENERAL_ERROR, "virtual server virtualhost missing");
            else vs.virtualhost = a.word(1);
        });
        b.simple(kw("snmp_name", 1, 1, STRING), (ctx, vs, a) -> {
            if (a.size() != 2) ctx.error(ConfigError.GENERAL_ERROR, "virtual server snmp_name missing or extra parameters");
            else vs.snmpName = a.word(1);
        });
        b.simple(kw("alpha", 0, 0, NONE), (ctx, vs, a) -> vs.alpha = true);
        b.simple(kw("omega", 0, 0, NONE), (ctx, vs, a) -> vs.omega = true);
        b.simple(kw("quorum_up", 1, Integer.MAX_VALUE, SCRIPT), (ctx, vs, a) -> {
            if (vs.quorumUp != null) {
                ctx.error(ConfigError.GENERAL_ERROR, "(" + vs.groupName() + ") quorum_up script already specified - ignoring " + a.word(1));
                return;
            }
            vs.quorumUp = ScriptUses.notifyScript(ctx, script(ctx, a));
        });
        b.simple(kw("quorum_down", 1, Integer.MAX_VALUE, SCRIPT), (ctx, vs, a) -> {
            if (vs.quorumDown != null) {
                ctx.error(ConfigError.GENERAL_ERROR, "(" + vs.groupName() + ") quorum_down script already specified - ignoring " + a.word(1));
                return;
            }
            vs.quorumDown = ScriptUses.notifyScript(ctx, script(ctx, a));
        });
        b.simple(kw("quorum", 1, 1, UNSIGNED).range("1..4294967295").defaultValue("1"), (ctx, vs, a) -> {
            Long v = unsigned(ctx, a, 1, UINT_MAX);
            if (v == null) {
                ctx.error(ConfigError.GENERAL_ERROR, "Quorum " + a.word(1) + " must be in [1, 4294967295]. Setting to 1.");
                v = 1L;
            }
            vs.quorum = v;
        });
        b.simple(kw("hysteresis", 1, 1, UNSIGNED).range("0..4294967295").defaultValue("0"), (ctx, vs, a) -> {
            Long v = unsigned(ctx, a, 0, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Hysteresis " + a.word(1) + " must be in [0, 4294967295] - ignoring");
            else vs.hysteresis = v;
        });
        b.simple(kw("weight", 1, 1, UNSIGNED).range("1..2147483647").defaultValue("1"), (ctx, vs, a) -> {
            Long v = unsigned(ctx, a, 1, INT32_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Virtual server weight " + a.word(1) + " is outside range 1-2147483647");
            else vs.weight = v;
        });
        b.simple(kw("sorry_server", 1, 2, IP).range("IP [PORT]"), LvsTables::sorryServer);
        b.simple(kw("sorry_server_inhibit", 0, 0, NONE), (ctx, vs, a) -> {
            if (vs.sorry != null) vs.sorry.inhibit = true;
            else ctx.error(ConfigError.GENERAL_ERROR, "Ignoring sorry_server inhibit used before or without sorry_server");
        });
        b.simple(kw("sorry_server_lvs_method", 1, 7, ENUM).range("NAT|DR|TUN …"), (ctx, vs, a) -> {
            if (vs.sorry != null) vs.sorry.forwarding = ForwardingText.parse(ctx, a, vs.sorry.forwarding, "sorry");
            else ctx.error(ConfigError.GENERAL_ERROR, "sorry_server forwarding used without sorry_server");
        });
        RealServerTable.install(b);
        return b;
    }

    private static void ipFamily(ParseContext ctx, VsBuilder vs, Args a) {
        String w = a.word(1);
        AddressFamily af = switch (w) {
            case "inet" -> AddressFamily.INET;
            case "inet6" -> AddressFamily.INET6;
            default -> null;
        };
        if (af == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "unknown address family " + w);
        } else if (vs.family != AddressFamily.UNSPEC && vs.family != af) {
            ctx.error(ConfigError.GENERAL_ERROR, "Virtual server specified family " + w + " conflicts with server family");
        } else {
            vs.family = af;
        }
    }

    /** keepalived's lbflags_handler: sh-* and mh-* only count after {@code lvs_sched sh|mh} in the same block. */
    private static void serviceFlag(ParseContext ctx, VsBuilder vs, Args a) {
        String f = a.keyword();
        switch (f) {
            case "ops" -> vs.flags.add(ServiceFlag.ONE_PACKET);
            case "flag-1" -> vs.flags.add(ServiceFlag.FLAG_1);
            case "flag-2" -> vs.flags.add(ServiceFlag.FLAG_2);
            case "flag-3" -> vs.flags.add(ServiceFlag.FLAG_3);
            default -> {
                if ("sh".equals(vs.scheduler)) {
                    if (f.equals("sh-port")) vs.flags.add(ServiceFlag.SH_PORT);
                    if (f.equals("sh-fallback")) vs.flags.add(ServiceFlag.SH_FALLBACK);
                } else if ("mh".equals(vs.scheduler)) {
                    if (f.equals("mh-port")) vs.flags.add(ServiceFlag.MH_PORT);
                    if (f.equals("mh-fallback")) vs.flags.add(ServiceFlag.MH_FALLBACK);
                } else {
                    // keepalived 2.2.7 says "sh" even for mh-* and for the no-op "hashed"
                    ctx.error(ConfigError.GENERAL_ERROR, f + " only applies to sh scheduler - ignoring");
                }
            }
        }
    }

    private static void granularity(ParseContext ctx, VsBuilder vs, Args a) {
        String w = a.word(1);
        AddressFamily af = vs.family != AddressFamily.UNSPEC ? vs.family
                : w.indexOf('.') >= 0 ? AddressFamily.INET : AddressFamily.INET6;
        if (af == AddressFamily.INET6) {
            Long v = unsigned(ctx, a, 1, 128);
            if (v == null) {
                ctx.error(ConfigError.GENERAL_ERROR, "Invalid IPv6 persistence_granularity specified - " + w);
                return;
            }
            vs.persistenceGranularity = v;
        } else {
            Long mask = InetAton.parse(w);
            if (mask == null) {
                ctx.error(ConfigError.GENERAL_ERROR, "Invalid IPv4 persistence_granularity specified - " + w);
                return;
            }
            vs.persistenceGranularity = mask;
        }
        if (vs.family == AddressFamily.UNSPEC) vs.family = af;
        if (vs.persistenceTimeout == 0) vs.persistenceTimeout = 360;
    }

    private static void sorryServer(ParseContext ctx, VsBuilder vs, Args a) {
        String ip = a.word(1);
        String port = a.has(2) && !InetText.isNoPort(a.word(2)) ? a.word(2) : null;
        Endpoint e = InetText.endpoint(ctx, ip, port);
        if (e == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "Invalid sorry server IP address " + ip + " - skipping");
            return;
        }
        VsBuilder.SorryBuilder s = new VsBuilder.SorryBuilder();
        s.address = e;
        s.forwarding = vs.forwarding;
        vs.sorry = s;
    }
}
