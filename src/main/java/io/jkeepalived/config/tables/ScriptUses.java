package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.Checker;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.model.MiscCheck;
import io.jkeepalived.config.model.RealServer;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.VirtualServer;
import io.jkeepalived.config.parse.ParseContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checker side's script rules (lib/notify.c get_default_script_user, check_data.c
 * check_check_script_security):
 * <ul>
 * <li>a script without its own user runs as the default script user: script_user, else
 * {@code keepalived_script}, else keepalived's own user. With enable_script_security (as set when the
 * script is read) and no such user, the first script gets "Unable to set default user keepalived_script
 * for script" and every later one fails too: notify/quorum scripts are dropped silently, MISC_CHECKs are
 * removed with an error;</li>
 * <li>without enable_script_security, any script that exists (even not executable) among the servers kept
 * after validation is a SECURITY_ERROR (exit 6 under -t).</li>
 * </ul>
 */
final class ScriptUses {
    private ScriptUses() {}

    /**
     * keepalived's get_default_script_user in this process's view (shared with global_defs' FIFO scripts):
     * true when it fails.
     */
    static boolean defaultUserFails(ParseContext ctx) {
        return !ScriptUsers.of(ctx).useDefault(ctx);
    }

    /** A notify/quorum script as keepalived keeps it: null when it has no user and the default user fails. */
    static Script notifyScript(ParseContext ctx, Script s) {
        if (s == null || s.user() == null && defaultUserFails(ctx)) return null;
        return s;
    }

    static void checkSecurity(ParseContext ctx, LvsConfig lvs, List<Script> globalScripts) {
        if (lvs.virtualServers().isEmpty()) return;
        List<Script> scripts = new ArrayList<>(globalScripts);
        for (VirtualServer vs : lvs.virtualServers()) {
            vs.quorumUp().ifPresent(scripts::add);
            vs.quorumDown().ifPresent(scripts::add);
            for (RealServer rs : vs.realServers()) {
                rs.notifyUp().ifPresent(scripts::add);
                rs.notifyDown().ifPresent(scripts::add);
                for (Checker c : rs.checkers()) if (c instanceof MiscCheck m) scripts.add(m.script());
            }
        }
        if (scripts.stream().anyMatch(ScriptUses::isScript)) {
            ctx.errorNoLine(ConfigError.SECURITY_ERROR,
                    "SECURITY VIOLATION - check scripts are being executed but script_security not enabled.");
        }
    }

    /**
     * keepalived's SC_ISSCRIPT: the program exists (found on the PATH when it has no '/'), executable or
     * not; a {@code </path} file test is not a script.
     */
    static boolean isScript(Script s) {
        if (s.argv().isEmpty()) return false;
        String cmd = s.argv().getFirst();
        if (cmd.startsWith("<") && cmd.substring(1).stripLeading().startsWith("/")) return false;
        if (cmd.contains("/")) return Files.exists(Path.of(cmd));
        String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String d : path.split(":")) {
            Path f = Path.of(d.isEmpty() ? "." : d, cmd);
            if (Files.isRegularFile(f) && Files.isExecutable(f)) return true;
        }
        return false;
    }
}
