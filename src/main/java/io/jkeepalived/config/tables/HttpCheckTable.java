package io.jkeepalived.config.tables;

import static io.jkeepalived.config.parse.ValueType.*;
import static io.jkeepalived.config.tables.LvsWords.*;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.HttpProtocol;
import io.jkeepalived.config.model.Url;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.tables.CheckerBuilder.UrlBuilder;
import java.util.List;

/**
 * HTTP_GET and SSL_GET (check_http.c install_http_ssl_check_keyword). The regex keywords' complaints are
 * only logged by keepalived, never counted as configuration errors, so they are silent here.
 */
final class HttpCheckTable {
    private HttpCheckTable() {}

    /** PCRE2 compile options keepalived knows by name (check_http.c regex_options). */
    static final List<String> REGEX_OPTIONS = List.of("allow_empty_class", "alt_bsux", "auto_callout", "caseless",
            "dollar_endonly", "dotall", "dupnames", "extended", "firstline", "match_unset_backref", "multiline",
            "never_ucp", "never_utf", "no_auto_capture", "no_auto_possess", "no_dotstar_anchor", "no_start_optimize",
            "ucp", "ungreedy", "utf", "never_backslash_c", "alt_circumflex", "alt_verbnames", "use_offset_limit");

    static Block<CheckerBuilder> block(String name) {
        Block<CheckerBuilder> b = new Block<>(name);
        CheckerTables.commonOf(b, true);
        b.simple(kw("nb_get_retry", 1, 1, UNSIGNED).replacedBy("retry"), (ctx, c, a) -> {
            ctx.error(ConfigError.DEPRECATED, "nb_get_retry is deprecated - please use 'retry'");
            Long v = unsigned(ctx, a, 0, UINT_MAX);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid nb_get_retry value '" + a.word(1) + "'");
            else c.retry = v;
        });
        b.simple(kw("virtualhost", 1, 1, STRING), (ctx, c, a) -> {
            if (!a.has(1)) ctx.error(ConfigError.GENERAL_ERROR, "HTTP_GET virtualhost name missing");
            else c.virtualhost = a.word(1);
        });
        b.simple(kw("http_protocol", 1, 1, ENUM).range("1.0|1.0C|1.1").defaultValue("1.0"), (ctx, c, a) -> {
            if (!a.has(1)) {
                ctx.error(ConfigError.GENERAL_ERROR, "Missing http_protocol version");
                return;
            }
            switch (a.word(1)) {
                case "1.0" -> c.httpProtocol = HttpProtocol.HTTP_1_0;
                case "1.1" -> c.httpProtocol = HttpProtocol.HTTP_1_1;
                case "1.0C", "1.0c" -> c.httpProtocol = HttpProtocol.HTTP_1_0C;
                default -> ctx.error(ConfigError.GENERAL_ERROR, "Invalid http_protocol version " + a.word(1));
            }
        });
        b.simple(kw("enable_sni", 0, 1, BOOL), (ctx, c, a) -> {
            Boolean v = bool(ctx, a, "enable_sni");
            if (v != null) c.enableSni = v;
        });
        b.simple(kw("fast_recovery", 0, 1, BOOL), (ctx, c, a) -> {
            Boolean v = bool(ctx, a, "fast_recovery");
            if (v != null) c.fastRecovery = v;
        });
        b.sub(kw("url", 0, 0, BLOCK), url(), (ctx, c, a) -> new UrlBuilder(), HttpCheckTable::endUrl);
        return b;
    }

    private static Block<UrlBuilder> url() {
        Block<UrlBuilder> b = new Block<>("url");
        b.simple(kw("path", 1, 1, STRING), (ctx, u, a) -> u.path = a.word(1));
        b.simple(kw("digest", 1, 1, STRING).range("32 hex digits"), (ctx, u, a) -> {
            String d = a.word(1);
            if (u.digest != null) {
                ctx.error(ConfigError.GENERAL_ERROR, "Digest '" + d + "' is a duplicate");
                return;
            }
            if (d.length() != 32) {
                ctx.error(ConfigError.GENERAL_ERROR, "digest '" + d + "' character length should be 32 rather than " + d.length());
                return;
            }
            for (int i = 15; i >= 0; i--) {
                if (Character.digit(d.charAt(2 * i), 16) < 0 || Character.digit(d.charAt(2 * i + 1), 16) < 0) {
                    ctx.error(ConfigError.GENERAL_ERROR, "Unable to interpret hex digit in '" + d.substring(0, 2 * i + 2)
                            + "' at offset " + 2 * i + "/" + (2 * i + 1));
                    return;
                }
            }
            u.digest = d.toLowerCase(java.util.Locale.ROOT);
        });
        b.simple(kw("status_code", 1, Integer.MAX_VALUE, WORDS).range("N|A-B …").defaultValue("200-299"), (ctx, u, a) -> {
            for (int i = 1; i < a.size(); i++) {
                Url.StatusRange r = statusRange(a.word(i));
                if (r == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid HTTP_GET status code '" + a.word(i) + "'");
                else u.statusCodes.add(r);
            }
        });
        b.simple(kw("virtualhost", 1, 1, STRING), (ctx, u, a) -> {
            if (!a.has(1)) ctx.error(ConfigError.GENERAL_ERROR, "Missing HTTP_GET virtualhost name");
            else u.virtualhost = a.word(1);
        });
        b.simple(kw("regex", 1, 1, STRING), (ctx, u, a) -> {
            // re-read with quotes and escapes; other than one pattern keepalived only logs "regex missing or too many fields"
            List<String> w = io.jkeepalived.config.lexer.ScriptLine.words(a.line().text());
            if (w != null && w.size() == 2) u.regex = w.get(1);
        });
        b.simple(kw("regex_no_match", 0, 0, NONE), (ctx, u, a) -> u.regexNoMatch = true);
        b.simple(kw("regex_options", 1, Integer.MAX_VALUE, WORDS).range(String.join("|", REGEX_OPTIONS)), (ctx, u, a) -> {
            for (int i = 1; i < a.size(); i++) {
                if (REGEX_OPTIONS.contains(a.word(i)) && !u.regexOptions.contains(a.word(i))) u.regexOptions.add(a.word(i));
            }
        });
        b.simple(kw("regex_min_offset", 1, 1, UNSIGNED), (ctx, u, a) -> u.regexMinOffset = offset(a.words()));
        // stored one past the last acceptable position, as keepalived does (so a bad value gives 1)
        b.simple(kw("regex_max_offset", 1, 1, UNSIGNED), (ctx, u, a) -> u.regexMaxOffset = offset(a.words()) + 1);
        b.simple(kw("regex_stack", 2, 2, WORDS).range("START MAX"), (ctx, u, a) -> {
            if (a.size() != 3) return;
            Long start = GroupEntries.strtoul(a.word(1), 10);
            Long max = GroupEntries.strtoul(a.word(2), 10);
            if (start == null || max == null || start > max) return;
            u.regexUseStack = true;
        });
        return b;
    }

    private static long offset(List<String> w) {
        if (w.size() != 2) return 0;
        Long v = GroupEntries.strtoul(w.get(1), 10);
        return v == null ? 0 : v;
    }

    /** {@code N} or {@code A-B}, each 100..599, A ≤ B; null when invalid. */
    static Url.StatusRange statusRange(String s) {
        int dash = s.indexOf('-', 1);
        String lo = dash < 0 ? s : s.substring(0, dash);
        String hi = dash < 0 ? s : s.substring(dash + 1);
        Long min = GroupEntries.strtoul(lo, 10);
        Long max = GroupEntries.strtoul(hi, 10);
        if (min == null || max == null || min < 100 || min > 599 || max < 100 || max > 599 || min > max) return null;
        return new Url.StatusRange(min.intValue(), max.intValue());
    }

    /** keepalived's url_check. */
    private static void endUrl(ParseContext ctx, CheckerBuilder c, UrlBuilder u) {
        if (u.path == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "HTTP/SSL_GET checker url has no path - ignoring");
            return;
        }
        if (u.statusCodes.isEmpty()) u.statusCodes.add(new Url.StatusRange(200, 299));
        if (u.regex == null) {
            u.regexOptions.clear();
            u.regexNoMatch = false;
            u.regexMinOffset = 0;
            u.regexMaxOffset = 0;
            u.regexUseStack = false;
        }
        if (u.regexMaxOffset != 0 && u.regexMinOffset >= u.regexMaxOffset) {
            u.regexMinOffset = 0;
            u.regexMaxOffset = 0;
        }
        c.urls.add(u);
    }

    /** keepalived's http_get_check_end. */
    static void end(ParseContext ctx, CheckerBuilder c) {
        if (c.urls.isEmpty()) {
            ctx.error(ConfigError.GENERAL_ERROR, "HTTP/SSL_GET checker has no urls specified - ignoring");
            c.dropped = true;
        }
        if (!CheckerTables.connOk(ctx, c.co)) c.dropped = true;
    }
}
