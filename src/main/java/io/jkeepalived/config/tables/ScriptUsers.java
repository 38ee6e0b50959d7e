package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.parse.ParseContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who scripts run as (keepalived's notify.c rules): a script without a user runs as the global
 * script_user, else keepalived_script if that user exists, else root; with enable_script_security set
 * before the first such script, a missing keepalived_script is an error reported once.
 */
final class ScriptUsers {
    private static final Object KEY = new Object();

    /** Test hook: which user and group names exist (default: /etc/passwd and /etc/group). */
    record Directory(Predicate<String> user, Predicate<String> group) {}

    static final Object DIRECTORY_KEY = new Object();

    boolean securityEnabled;
    boolean defaultSet;
    boolean defaultFailed;

    /**
     * keepalived -t validates every process's view in one process, so the default-user state (looked up
     * once, failed once) carries from the parent's reading to the checker's, the VRRP's and the BFD's.
     */
    static void share(ParseContext ctx, ScriptUsers state) {
        ctx.scratch(KEY, () -> state);
    }

    static ScriptUsers of(ParseContext ctx) {
        return ctx.scratch(KEY, ScriptUsers::new);
    }

    static Directory directory(ParseContext ctx) {
        return ctx.scratch(DIRECTORY_KEY, () -> new Directory(names(Path.of("/etc/passwd"))::contains,
                names(Path.of("/etc/group"))::contains));
    }

    private static Set<String> names(Path p) {
        Set<String> s = new HashSet<>();
        try {
            for (String l : Files.readAllLines(p)) {
                int c = l.indexOf(':');
                if (c > 0) s.add(l.substring(0, c));
            }
        } catch (IOException e) {
            s.add("root");
        }
        return s;
    }

    /** keepalived's set_uid_gid: false when the user or group does not exist. */
    static boolean valid(ParseContext ctx, String user, String group) {
        Directory d = directory(ctx);
        return d.user().test(user) && (group == null || d.group().test(group));
    }

    /** script_user: sets the default; false when it does not resolve. */
    boolean setDefault(ParseContext ctx, String user, String group) {
        defaultSet = true;
        if (!valid(ctx, user, group)) defaultFailed = true;
        return !defaultFailed;
    }

    /** get_default_script_user: false when a script with no user of its own must be dropped. */
    boolean useDefault(ParseContext ctx) {
        if (defaultFailed) return false;
        if (!defaultSet) {
            defaultSet = true;
            if (!directory(ctx).user().test("keepalived_script") && securityEnabled) {
                ctx.error(ConfigError.GENERAL_ERROR, "Unable to set default user keepalived_script for script");
                defaultFailed = true;
                return false;
            }
        }
        return true;
    }
}
