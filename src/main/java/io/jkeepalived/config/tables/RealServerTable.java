package io.jkeepalived.config.tables;

import static io.jkeepalived.config.parse.ValueType.*;
import static io.jkeepalived.config.tables.LvsWords.*;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.AddressFamily;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.Forwarding;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;

/** {@code real_server IP [PORT] { … }} inside a virtual_server (check_parser.c rs_* handlers). */
final class RealServerTable {
    private RealServerTable() {}

    static void install(Block<VsBuilder> vs) {
        vs.sub(kw("real_server", 1, 2, BLOCK).range("IP [PORT]"), realServer(), RealServerTable::open,
                (ctx, v, rs) -> close(ctx, v, rs));
    }

    private static RsBuilder open(ParseContext ctx, VsBuilder vs, Args a) {
        String ip = a.word(1);
        String port = a.has(2) ? a.word(2) : null;
        String p = port != null && !InetText.isNoPort(port) ? port : null;
        Endpoint e = InetText.endpoint(ctx, ip, p);
        if (e == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "Invalid real server ip address/port " + ip + "/" + port + " - skipping");
            return null;
        }
        RsBuilder rs = new RsBuilder(vs, a.line().file(), a.line().line());
        rs.address = e;
        rs.forwarding = vs.forwarding;
        return rs;
    }

    /** rs_end_handler: unless tunnelled, the real server's family must be the virtual server's. */
    private static void close(ParseContext ctx, VsBuilder vs, RsBuilder rs) {
        if (rs.forwarding == null || rs.forwarding.method() != Forwarding.Method.TUN) {
            AddressFamily af = rs.address.family();
            if (vs.family == AddressFamily.UNSPEC) {
                vs.family = af;
            } else if (vs.family != af) {
                ctx.error(ConfigError.GENERAL_ERROR, "Address family of virtual server and real server "
                        + rs.address.host() + " don't match - skipping real server.");
                return;
            }
        }
        vs.realServers.add(rs);
    }

    private static Block<RsBuilder> realServer() {
        Block<RsBuilder> b = new Block<>("real_server");
        b.simple(kw("weight", 1, 1, UNSIGNED).range("0..2147483647").defaultValue("virtual server's weight (1)"), (ctx, rs, a) -> {
            Long v = unsigned(ctx, a, 0, INT32_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Real server weight " + a.word(1) + " is outside range 0-2147483647");
            else rs.weight = v;
        });
        b.simple(kw("lvs_method", 1, 7, ENUM).range("NAT|DR|TUN …").defaultValue("virtual server's"),
                (ctx, rs, a) -> rs.forwarding = ForwardingText.parse(ctx, a, rs.forwarding, "real"));
        b.simple(kw("uthreshold", 1, 1, UNSIGNED).range("0..4294967295"), (ctx, rs, a) -> {
            Long v = unsigned(ctx, a, 0, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid real_server uthreshold '" + a.word(1) + "' - ignoring");
            else rs.upperThreshold = v;
        });
        b.simple(kw("lthreshold", 1, 1, UNSIGNED).range("0..4294967295"), (ctx, rs, a) -> {
            Long v = unsigned(ctx, a, 0, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid real_server lthreshold '" + a.word(1) + "' - ignoring");
            else rs.lowerThreshold = v;
        });
        b.simple(kw("inhibit_on_failure", 0, 1, BOOL), (ctx, rs, a) -> {
            Boolean v = bool(ctx, a, "inhibit_on_failure");
            if (v != null) rs.inhibit = v;
        });
        b.simple(kw("notify_up", 1, Integer.MAX_VALUE, SCRIPT), (ctx, rs, a) -> {
            if (rs.notifyUp != null) {
                ctx.error(ConfigError.GENERAL_ERROR, "(" + rs.vs.groupName() + ") notify_up script already specified - ignoring " + a.word(1));
                return;
            }
            rs.notifyUp = ScriptUses.notifyScript(ctx, script(ctx, a));
        });
        b.simple(kw("notify_down", 1, Integer.MAX_VALUE, SCRIPT), (ctx, rs, a) -> {
            if (rs.notifyDown != null) {
                ctx.error(ConfigError.GENERAL_ERROR, "(" + rs.vs.groupName() + ") notify_down script already specified - ignoring " + a.word(1));
                return;
            }
            rs.notifyDown = ScriptUses.notifyScript(ctx, script(ctx, a));
        });
        b.simple(kw("alpha", 0, 1, BOOL), (ctx, rs, a) -> {
            Boolean v = bool(ctx, a, "alpha");
            if (v != null) rs.alpha = v;
        });
        b.simple(kw("retry", 1, 1, UNSIGNED).range("1..4294967295"), (ctx, rs, a) -> {
            Long v = unsigned(ctx, a, 1, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "retry value invalid - " + a.word(1));
            else rs.retry = v;
        });
        b.simple(kw("delay_before_retry", 1, 1, TIMER), (ctx, rs, a) -> {
            Long v = timer(ctx, a, 0, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "real server delay_before_retry '" + a.word(1) + "' invalid - ignoring");
            else rs.delayBeforeRetryMicros = v;
        });
        b.simple(kw("warmup", 1, 1, TIMER), (ctx, rs, a) -> {
            Long v = timer(ctx, a, 0, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "real server warmup '" + a.word(1) + "' invalid - ignoring");
            else rs.warmupMicros = v;
        });
        b.simple(kw("connect_timeout", 1, 1, TIMER), (ctx, rs, a) -> {
            Long v = timer(ctx, a, 1, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "real server connect_timeout " + a.word(1) + " invalid - ignoring");
            else rs.connectTimeoutMicros = v;
        });
        b.simple(kw("delay_loop", 1, 1, TIMER), (ctx, rs, a) -> {
            Long v = timer(ctx, a, 1, TIMER_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "real server delay_loop '" + a.word(1) + "' invalid - ignoring");
            else rs.delayLoopMicros = v;
        });
        b.simple(kw("smtp_alert", 0, 1, BOOL).defaultValue("true"), (ctx, rs, a) -> {
            Boolean v = bool(ctx, a, "real_server smtp_alert");
            if (v != null) rs.smtpAlert = v;
        });
        b.simple(kw("virtualhost", 1, 1, STRING), (ctx, rs, a) -> {
            if (!a.has(1)) ctx.error(ConfigError.GENERAL_ERROR, "real server virtualhost missing");
            else rs.virtualhost = a.word(1);
        });
        b.simple(kw("snmp_name", 1, 1, STRING), (ctx, rs, a) -> {
            if (a.size() != 2) ctx.error(ConfigError.GENERAL_ERROR, "real server snmp_name missing or extra parameters");
            else rs.snmpName = a.word(1);
        });
        CheckerTables.install(b);
        return b;
    }
}
