package io.jkeepalived.config.tables;

import static io.jkeepalived.config.tables.LvsValidation.us;

import io.jkeepalived.config.model.BfdCheck;
import io.jkeepalived.config.model.CheckTiming;
import io.jkeepalived.config.model.Checker;
import io.jkeepalived.config.model.ConnectOptions;
import io.jkeepalived.config.model.DnsCheck;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.FileCheck;
import io.jkeepalived.config.model.HttpGetCheck;
import io.jkeepalived.config.model.MiscCheck;
import io.jkeepalived.config.model.PingCheck;
import io.jkeepalived.config.model.SmtpCheck;
import io.jkeepalived.config.model.SslGetCheck;
import io.jkeepalived.config.model.TcpCheck;
import io.jkeepalived.config.model.UdpCheck;
import io.jkeepalived.config.model.Url;
import io.jkeepalived.config.tables.CheckerBuilder.Conn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Freezes a checker once its real server's settings are final: timing resolved checker → real server →
 * checker default (check_data.c validate_check_config), connect_timeout from the real server.
 */
final class CheckerModels {
    private CheckerModels() {}

    static List<Checker> build(CheckerBuilder c, RsBuilder rs) {
        boolean alpha = c.alpha != null ? c.alpha : rs.alpha;
        CheckTiming t = timing(c, rs, alpha);
        return switch (c.kind) {
            case TCP_CHECK -> List.of(new TcpCheck(conn(c.co, rs), t, c.line));
            case PING_CHECK -> List.of(new PingCheck(conn(c.co, rs), t, c.line));
            case HTTP_GET -> List.of(new HttpGetCheck(conn(c.co, rs), t, urls(c), Optional.ofNullable(c.virtualhost),
                    c.httpProtocol, c.fastRecovery, c.line));
            case SSL_GET -> List.of(new SslGetCheck(conn(c.co, rs), t, urls(c), Optional.ofNullable(c.virtualhost),
                    c.httpProtocol, c.fastRecovery, c.enableSni, c.line));
            case SMTP_CHECK -> {
                List<Checker> out = new ArrayList<>();
                out.add(new SmtpCheck(conn(c.co, rs), t, c.heloName, c.line));
                for (Conn h : c.smtpHosts) out.add(new SmtpCheck(conn(h, rs), t, c.heloName, c.line));
                yield out;
            }
            case DNS_CHECK -> List.of(new DnsCheck(conn(c.co, rs), t, c.dnsType, c.dnsName, c.line));
            case MISC_CHECK -> List.of(new MiscCheck(c.script,
                    us(c.miscTimeoutMicros != null && c.miscTimeoutMicros > 0 ? c.miscTimeoutMicros : rs.vs.delayLoopMicros),
                    c.miscDynamic, Optional.ofNullable(c.user), Optional.ofNullable(c.group), t, c.line));
            case UDP_CHECK -> List.of(new UdpCheck(conn(c.co, rs), t, Optional.ofNullable(c.payload), c.requireReply,
                    Optional.ofNullable(c.reply), Optional.ofNullable(c.replyMask), c.minReplyLength, c.maxReplyLength, c.line));
            case FILE_CHECK -> List.of(new FileCheck(c.trackFile,
                    c.fileWeight == null ? OptionalInt.empty() : OptionalInt.of(c.fileWeight), c.fileReverse, c.line));
            case BFD_CHECK -> List.of(new BfdCheck(c.bfdName, alpha, c.line));
        };
    }

    private static CheckTiming timing(CheckerBuilder c, RsBuilder rs, boolean alpha) {
        long retry = c.retry != null ? c.retry : rs.retry != null ? rs.retry : c.defaultRetry;
        long delayLoop = c.delayLoopMicros != null ? c.delayLoopMicros : rs.delayLoopMicros;
        long warmup = c.warmupMicros != null ? c.warmupMicros : rs.warmupMicros != null ? rs.warmupMicros : delayLoop;
        long dbr = c.delayBeforeRetryMicros != null ? c.delayBeforeRetryMicros
                : rs.delayBeforeRetryMicros != null ? rs.delayBeforeRetryMicros
                : c.defaultDelayBeforeRetryMicros != 0 ? c.defaultDelayBeforeRetryMicros : delayLoop;
        return new CheckTiming(retry, us(dbr), us(warmup), us(delayLoop), alpha, c.logAllFailures);
    }

    private static ConnectOptions conn(Conn co, RsBuilder rs) {
        long timeout = co.connectTimeoutMicros != null ? co.connectTimeoutMicros : rs.connectTimeoutMicros;
        Endpoint dst = new Endpoint(co.dst != null ? co.dst : rs.address.address(), co.dstPort);
        Optional<Endpoint> bind = co.bindTo == null ? Optional.empty() : Optional.of(new Endpoint(co.bindTo, co.bindPort));
        return new ConnectOptions(dst, bind, Optional.ofNullable(co.bindIf), us(timeout), co.fwmark);
    }

    private static List<Url> urls(CheckerBuilder c) {
        return c.urls.stream().map(u -> new Url(u.path, Optional.ofNullable(u.digest), u.statusCodes,
                Optional.ofNullable(u.virtualhost), Optional.ofNullable(u.regex), u.regexNoMatch, u.regexOptions,
                u.regexMinOffset, u.regexMaxOffset, u.regexUseStack)).toList();
    }
}
