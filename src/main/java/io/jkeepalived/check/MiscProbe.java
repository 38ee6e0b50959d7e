package io.jkeepalived.check;

import io.jkeepalived.config.model.MiscCheck;
import io.jkeepalived.script.ScriptResult;
import java.util.concurrent.ExecutionException;

/**
 * MISC_CHECK (check_misc.c): runs misc_path; its exit status is the verdict (0 up, with misc_dynamic 2..255
 * up with weight status-2). After misc_timeout its process group gets SIGTERM, then SIGKILL, and the check
 * counts as timed out. The script room starts and reaps it; this probe's virtual thread only waits.
 */
public final class MiscProbe implements Probe {
    private final MiscCheck check;
    private final CheckScripts scripts;

    public MiscProbe(MiscCheck check, CheckScripts scripts) {
        this.check = check;
        this.scripts = scripts;
    }

    @Override
    public Outcome run(int urlIndex) throws InterruptedException {
        ScriptResult r;
        try {
            r = scripts.misc(check.script(), check.timeout()).get();
        } catch (ExecutionException e) {
            return new Outcome.Down("exited with status", 127, false);
        }
        return switch (r) {
            case ScriptResult.TimedOut t -> new Outcome.TimedOut();
            // keepalived's forked child exits 127 when it cannot exec the script
            case ScriptResult.NotStarted n -> new Outcome.Down("exited with status", 127, false);
            case ScriptResult.Exited(int status) -> status == 0 || (check.dynamic() && status >= 2 && status <= 255)
                    ? new Outcome.Up("", status) : new Outcome.Down("exited with status", status, false);
        };
    }
}
