package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.VrrpScript;
import io.jkeepalived.script.RunAs;
import io.jkeepalived.script.ScriptCheck;
import io.jkeepalived.script.ScriptCommand;
import io.jkeepalived.script.ScriptIdentity;
import io.jkeepalived.script.ScriptResult;
import io.jkeepalived.script.ScriptRunner;
import io.jkeepalived.script.ScriptSecurity;
import io.jkeepalived.vrrp.track.ScriptOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * vrrp_scripts run through the {@link ScriptRunner} (keepalived's system_call_script): as the script's user
 * (else script_user, else keepalived_script, else root), with the argv script security resolved, killed
 * after {@code timeout} (default: the interval) with SIGTERM and, 2 s later, SIGKILL to the process group
 * (vrrp_scheduler.c vrrp_script_child_thread).
 */
public final class RunnerScriptLauncher implements ScriptLauncher {
    /** keepalived's wait between the SIGTERM and the SIGKILL of a timed-out vrrp_script. */
    private static final Duration TERM_GRACE = Duration.ofSeconds(2);

    private final ScriptRunner runner;
    private final ScriptIdentity identity;
    private final ScriptSecurity security;
    private final GlobalDefs.Scripts globals;
    private final Map<VrrpScript, ScriptCommand> commands = new ConcurrentHashMap<>();

    public RunnerScriptLauncher(ScriptRunner runner, ScriptIdentity identity, ScriptSecurity security,
            GlobalDefs.Scripts globals) {
        this.runner = runner;
        this.identity = identity;
        this.security = security;
        this.globals = globals;
    }

    /**
     * The daemon's launcher over its script runner (shared with the notify scripts, closed by its owner):
     * this process's identity, the system's accounts, global_defs' script settings.
     */
    public static RunnerScriptLauncher over(ScriptRunner runner, GlobalDefs.Scripts globals) {
        boolean secure = globals != null && globals.enableScriptSecurity();
        return new RunnerScriptLauncher(runner, ScriptIdentity.system(), new ScriptSecurity(secure), globals);
    }

    @Override
    public void launch(VrrpScript script, Consumer<ScriptOutcome> done) {
        ScriptCommand cmd = commands.computeIfAbsent(script, RunnerScriptLauncher.this::command);
        runner.run(cmd).whenComplete((r, e) -> done.accept(e != null ? ScriptOutcome.NOT_STARTED : outcome(r)));
    }

    private ScriptCommand command(VrrpScript s) {
        RunAs as = identity.resolve(s.script().user(), s.script().group(),
                globals == null ? null : globals.scriptUser(), globals == null ? null : globals.scriptGroup());
        ScriptCheck check = security.check(s.script().argv(), as);
        long micros = s.timeoutMicros() > 0 ? s.timeoutMicros() : s.intervalMicros();
        return new ScriptCommand(s.name(), check.argvToRun(), as, Duration.ofNanos(Math.max(1, micros) * 1_000),
                TERM_GRACE);
    }

    /** The runner's result in keepalived's terms (the JDK reports a death by signal as 128 + its number). */
    static ScriptOutcome outcome(ScriptResult r) {
        return switch (r) {
            case ScriptResult.Exited x when x.signal() != 0 -> new ScriptOutcome.Signalled(x.signal());
            case ScriptResult.Exited x -> new ScriptOutcome.Exited(x.status());
            case ScriptResult.TimedOut t -> ScriptOutcome.TIMED_OUT;
            case ScriptResult.NotStarted n -> ScriptOutcome.NOT_STARTED;
        };
    }
}
