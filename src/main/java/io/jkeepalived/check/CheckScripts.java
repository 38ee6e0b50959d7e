package io.jkeepalived.check;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.script.RunAs;
import io.jkeepalived.script.ScriptCheck;
import io.jkeepalived.script.ScriptCommand;
import io.jkeepalived.script.ScriptIdentity;
import io.jkeepalived.script.ScriptResult;
import io.jkeepalived.script.ScriptRunner;
import io.jkeepalived.script.ScriptSecurity;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checker side's scripts (notify_up/down, quorum_up/down, MISC_CHECK's misc_path) run through the script
 * room: each as its user (else script_user, else keepalived_script), in its own process group, refused when
 * script security says so (check_data.c check_check_script_security). The config check has already printed
 * the SECURITY VIOLATION line, as keepalived's parent does.
 */
public final class CheckScripts implements AutoCloseable {
    /** keepalived's misc checker: SIGTERM at misc_timeout, SIGKILL if still there 2 s later. */
    static final Duration MISC_KILL_GRACE = Duration.ofSeconds(2);

    private final ScriptRunner runner;
    private final ScriptSecurity security;
    private final ScriptIdentity ids;
    private final GlobalDefs.Scripts globals;
    private final Map<Script, ScriptCommand> prepared = new ConcurrentHashMap<>();
    private static final ScriptCommand REFUSED = ScriptCommand.of(java.util.List.of("/bin/false"), Duration.ZERO);

    public CheckScripts(GlobalDefs.Scripts globals) {
        this.globals = globals;
        this.runner = new ScriptRunner();
        this.security = new ScriptSecurity(globals != null && globals.enableScriptSecurity());
        this.ids = ScriptIdentity.system();
    }

    /** The command for {@code s} (no timeout), or null when there is none or script security refuses it. */
    public ScriptCommand prepared(Script s) {
        return s == null ? null : command(s);
    }

    /** Who a FIFO or script given {@code user [group]} belongs to (else script_user, else keepalived_script). */
    public RunAs runAs(String user, String group) {
        return ids.resolve(user, group, globals == null ? null : globals.scriptUser(),
                globals == null ? null : globals.scriptGroup());
    }

    public RunAs daemon() {
        return ids.daemon();
    }

    public ScriptRunner runner() {
        return runner;
    }

    private ScriptCommand command(Script s) {
        ScriptCommand c = prepared.computeIfAbsent(s, x -> {
            if (x.argv().isEmpty()) return REFUSED;
            RunAs as = ids.resolve(x.user(), x.group(), globals == null ? null : globals.scriptUser(),
                    globals == null ? null : globals.scriptGroup());
            ScriptCheck check = security.check(x.argv(), as);
            if (!check.runnableAsNotify()) return REFUSED;
            return new ScriptCommand(check.argvToRun().getFirst(), check.argvToRun(), as, Duration.ZERO, Duration.ZERO);
        });
        return c == REFUSED ? null : c;
    }

    /** keepalived's notify_exec: start it and do not wait. */
    public void notify(Script s) {
        ScriptCommand c = command(s);
        if (c != null) runner.run(c);
    }

    /** MISC_CHECK: run misc_path, killed after {@code timeout}. */
    public CompletableFuture<ScriptResult> misc(Script s, Duration timeout) {
        ScriptCommand c = command(s);
        if (c == null) return CompletableFuture.completedFuture(new ScriptResult.NotStarted("refused"));
        return runner.run(new ScriptCommand(c.name(), c.argv(), c.runAs(), timeout, MISC_KILL_GRACE));
    }

    /**
     * At shutdown: the down notifiers just started (omega) get a second, as keepalived's shutdown backstop
     * gives them, then whatever still runs is stopped.
     */
    @Override
    public void close() {
        closeAfter(Duration.ofSeconds(1));
    }

    /** After a reload: the old configuration's scripts may finish on their own (up to their own timeouts). */
    public void retire() {
        closeAfter(Duration.ofSeconds(30));
    }

    private void closeAfter(Duration idle) {
        try {
            runner.awaitIdle(idle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runner.close();
    }
}
