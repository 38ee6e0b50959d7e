package io.jkeepalived.config.tables;

import static io.jkeepalived.config.parse.ValueType.*;
import static io.jkeepalived.config.tables.LvsWords.*;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Numbers;
import io.jkeepalived.config.parse.ParseContext;

/**
 * The checkers that do not connect to the real server themselves (check_misc.c, check_file.c,
 * check_bfd.c): MISC_CHECK runs a program, FILE_CHECK reads a track_file, BFD_CHECK follows a BFD session.
 */
final class LocalCheckTables {
    private LocalCheckTables() {}

    static Block<CheckerBuilder> misc() {
        Block<CheckerBuilder> b = new Block<>("MISC_CHECK");
        CheckerTables.commonOf(b, false);
        b.simple(kw("misc_path", 1, Integer.MAX_VALUE, SCRIPT), (ctx, c, a) -> {
            if (!c.dropped && a.has(1)) c.script = command(ctx, a);
        });
        b.simple(kw("misc_timeout", 1, 1, UNSIGNED).range("0..4294").defaultValue("delay_loop"), (ctx, c, a) -> {
            if (c.dropped) return;
            Long v = unsigned(ctx, a, 0, UINT_MAX / 1_000_000);
            if (v == null) ctx.error(ConfigError.GENERAL_ERROR, "Invalid misc_timeout value '" + a.word(1) + "'");
            else c.miscTimeoutMicros = v * 1_000_000;
        });
        b.simple(kw("misc_dynamic", 0, 0, NONE), (ctx, c, a) -> {
            if (!c.dropped) c.miscDynamic = true;
        });
        b.simple(kw("user", 1, 2, STRING).range("USER [GROUP]"), (ctx, c, a) -> {
            if (c.dropped) return;
            String cmd = c.script == null ? "(null)" : cmdStr(c.script);
            if (!a.has(1)) {
                ctx.error(ConfigError.GENERAL_ERROR, "No user specified for misc checker script " + cmd);
                return;
            }
            String group = a.has(2) ? a.word(2) : null;
            if (!ScriptUsers.valid(ctx, a.word(1), group)) {
                ctx.error(ConfigError.GENERAL_ERROR, "Failed to set uid/gid for misc checker script " + cmd + " - removing");
                c.dropped = true;
                return;
            }
            c.user = a.word(1);
            c.group = group;
        });
        return b;
    }

    static void endMisc(ParseContext ctx, CheckerBuilder c) {
        if (c.dropped) return;
        if (c.script == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "No script path has been specified for MISC_CHECKER - skipping");
            c.dropped = true;
            return;
        }
        if (c.user == null && ScriptUses.defaultUserFails(ctx)) {
            ctx.error(ConfigError.GENERAL_ERROR, "Unable to set default user for misc script " + cmdStr(c.script) + " - removing");
            c.dropped = true;
        }
    }

    static Block<CheckerBuilder> file() {
        Block<CheckerBuilder> b = new Block<>("FILE_CHECK");
        b.simple(kw("track_file", 1, 1, STRING), (ctx, c, a) -> {
            String n = a.word(1);
            if (!TrackerNames.hasTrackFile(ctx, n)) ctx.error(ConfigError.GENERAL_ERROR, "track_file " + n + " not found");
            else c.trackFile = n;
        });
        b.simple(kw("weight", 1, 2, INT).range("-2147483647..2147483647 [reverse|noreverse]").defaultValue("track_file's"), (ctx, c, a) -> {
            if (!a.has(1)) {
                ctx.error(ConfigError.GENERAL_ERROR, "track file weight missing");
                return;
            }
            Long w = Numbers.readInt(ctx, a.word(1), -INT32_MAX, INT32_MAX);
            if (w == null) {
                ctx.error(ConfigError.GENERAL_ERROR, "weight for track file must be in [-2147483647..2147483647] inclusive. Ignoring...");
                return;
            }
            boolean reverse = false;
            if (a.has(2)) {
                switch (a.word(2)) {
                    case "reverse" -> reverse = true;
                    case "noreverse" -> reverse = false;
                    default -> {
                        ctx.error(ConfigError.GENERAL_ERROR, "unknown track file weight option " + a.word(2) + " - ignoring");
                        return;
                    }
                }
            }
            c.fileWeight = w.intValue();
            c.fileReverse = reverse;
        });
        return b;
    }

    static void endFile(ParseContext ctx, CheckerBuilder c) {
        if (c.trackFile == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "FILE_CHECK has no track_file specified - ignoring");
            c.dropped = true;
        }
    }

    static Block<CheckerBuilder> bfd() {
        Block<CheckerBuilder> b = new Block<>("BFD_CHECK");
        b.simple(kw("name", 1, 1, STRING), (ctx, c, a) -> {
            if (c.dropped) return;
            String who = "(" + c.rs.address.trio(c.rs.vs.protocol) + ")";
            String n = a.has(1) ? a.word(1) : null;
            String err = null;
            if (a.size() != 2) err = who + " BFD_CHECK - No or too many names specified - skipping checker";
            else if (!TrackerNames.hasBfd(ctx, n)) err = who + " BFD_CHECK - BFD " + n + " not configured";
            else if (c.bfdName != null) err = who + " BFD_CHECK - BFD " + n + " already specified as " + c.bfdName;
            else if (n.length() >= 32) err = who + " BFD_CHECK - BFD name " + n + " too long";
            else if (c.rs.bfds.contains(n)) err = who + " BFD_CHECK - RS already monitoring " + n;
            if (err != null) {
                ctx.error(ConfigError.GENERAL_ERROR, err);
                c.dropped = true;
                return;
            }
            c.bfdName = n;
        });
        b.simple(kw("alpha", 0, 1, BOOL), (ctx, c, a) -> {
            if (c.dropped) return;
            Boolean v = bool(ctx, a, "alpha");
            if (v != null) c.alpha = v;
        });
        return b;
    }

    static void endBfd(ParseContext ctx, CheckerBuilder c) {
        if (c.dropped) return;
        if (c.bfdName == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "(" + c.rs.address.trio(c.rs.vs.protocol)
                    + ") No name has been specified for BFD_CHECKER - skipping");
            c.dropped = true;
            return;
        }
        c.rs.bfds.add(c.bfdName);
    }
}
