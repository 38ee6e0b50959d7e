package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.DnsCheck;
import io.jkeepalived.config.model.HttpProtocol;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.Url;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One checker block while it is read (keepalived's checker_t with its type's data). Null timing fields
 * are resolved from the real server after parsing (check_data.c validate_check_config).
 */
final class CheckerBuilder {
    enum Kind {
        TCP_CHECK, HTTP_GET, SSL_GET, SMTP_CHECK, DNS_CHECK, MISC_CHECK, UDP_CHECK, PING_CHECK, FILE_CHECK, BFD_CHECK
    }

    final Kind kind;
    final RsBuilder rs;
    final int line;
    /** Connection options; null for MISC_CHECK, FILE_CHECK and BFD_CHECK. */
    final Conn co;
    Long retry;
    Long delayBeforeRetryMicros;
    Long warmupMicros;
    Long delayLoopMicros;
    Boolean alpha;
    boolean logAllFailures;
    long defaultRetry = 1;
    /** 0 = the checker's delay_loop (DNS_CHECK). */
    long defaultDelayBeforeRetryMicros = 1_000_000L;
    /** Removed from the queue by its end handler (keepalived's dequeue_new_checker). */
    boolean dropped;

    // HTTP_GET / SSL_GET
    final List<UrlBuilder> urls = new ArrayList<>();
    String virtualhost;
    HttpProtocol httpProtocol = HttpProtocol.HTTP_1_0;
    boolean fastRecovery;
    boolean enableSni;
    // SMTP_CHECK
    String heloName;
    final List<Conn> smtpHosts = new ArrayList<>();
    // DNS_CHECK
    DnsCheck.Type dnsType = DnsCheck.Type.SOA;
    String dnsName;
    // MISC_CHECK
    Script script;
    Long miscTimeoutMicros;
    boolean miscDynamic;
    String user;
    String group;
    // UDP_CHECK
    String payload;
    boolean requireReply;
    String reply;
    String replyMask;
    int minReplyLength;
    int maxReplyLength = 255;
    // FILE_CHECK
    String trackFile;
    Integer fileWeight;
    boolean fileReverse;
    // BFD_CHECK
    String bfdName;

    CheckerBuilder(Kind kind, RsBuilder rs, int line) {
        this.kind = kind;
        this.rs = rs;
        this.line = line;
        boolean connects = switch (kind) {
            case MISC_CHECK, FILE_CHECK, BFD_CHECK -> false;
            default -> true;
        };
        if (!connects) {
            co = null;
        } else if (kind == Kind.SMTP_CHECK) {
            co = new Conn(null, 0); // SMTP fills in the real server at its end, if nothing else was set
        } else {
            co = new Conn(rs.address.address(), rs.address.port());
        }
    }

    /** keepalived's conn_opts_t while read: null address = AF_UNSPEC. */
    static final class Conn {
        InetAddress dst;
        /** connect_ip was invalid: keepalived keeps an address without family, which never connects. */
        boolean dstUnusable;
        int dstPort;
        InetAddress bindTo;
        int bindPort;
        String bindIf;
        Long connectTimeoutMicros;
        long fwmark;

        Conn(InetAddress dst, int dstPort) {
            this.dst = dst;
            this.dstPort = dstPort;
        }

        /** SMTP_CHECK: whether anything about the connection was configured in the block itself. */
        boolean anySet() {
            return dst != null || dstPort != 0 || bindTo != null || bindPort != 0 || bindIf != null || fwmark != 0
                    || connectTimeoutMicros != null;
        }
    }

    /** One {@code url { }} while read. */
    static final class UrlBuilder {
        String path;
        String digest;
        final List<Url.StatusRange> statusCodes = new ArrayList<>();
        String virtualhost;
        String regex;
        boolean regexNoMatch;
        final List<String> regexOptions = new ArrayList<>();
        long regexMinOffset;
        long regexMaxOffset;
        boolean regexUseStack;
    }
}
