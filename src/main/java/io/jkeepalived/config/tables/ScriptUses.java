package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.Checker;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.model.MiscCheck;
import io.jkeepalived.config.model.RealServer;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.VirtualServer;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.ParseContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checker side's script rules (lib/notify.c, check_data.c check_check_script_security):
 * <ul>
 * <li>with enable_script_security, no script_user and no {@code keepalived_script} user, the first script
 * needing the default user gets "Unable to set default user keepalived_script for script"; notify/quorum
 * scripts without a user are then dropped, MISC_CHECKs removed with an error;</li>
 * <li>without enable_script_security, any script that exists (even not executable) among the servers kept
 * after validation is a SECURITY_ERROR (exit 6 under -t).</li>
 * </ul>
 */
final class ScriptUses {
    private ScriptUses() {}

    private static final Object KEY = new Object();

    /** A script that needed the default script user, where it was read, and how to drop it. */
    record Use(String file, int line, String what, Runnable drop, boolean misc) {}

    static List<Use> uses(ParseContext ctx) {
        return ctx.scratch(KEY, ArrayList::new);
    }

    static void notify(ParseContext ctx, Args a, Script s, Runnable drop) {
        if (s.user() == null) uses(ctx).add(new Use(a.line().file(), a.line().line(), "", drop, false));
    }

    static void defaultUser(ParseContext ctx, LvsPart.GlobalFacts g) {
        List<Use> uses = uses(ctx);
        if (!g.scriptSecurity() || g.scriptUserSet() || uses.isEmpty()
                || SystemAccounts.current.userExists("keepalived_script")) return;
        Use first = uses.getFirst();
        ctx.diagnostics().report(first.file(), first.line(), ConfigError.GENERAL_ERROR,
                "Unable to set default user keepalived_script for script");
        for (Use u : uses) {
            if (u.misc()) {
                ctx.diagnostics().report(u.file(), u.line(), ConfigError.GENERAL_ERROR,
                        "Unable to set default user for " + u.what() + " - removing");
            }
            u.drop().run();
        }
    }

    static void checkSecurity(ParseContext ctx, LvsConfig lvs) {
        List<Script> scripts = new ArrayList<>();
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
