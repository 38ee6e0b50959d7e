package io.jkeepalived.check;

import io.jkeepalived.config.model.MiscCheck;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * MISC_CHECK (check_misc.c): runs misc_path; its exit status is the verdict (0 up, with misc_dynamic 2..255
 * up with weight status-2). After misc_timeout the script and its children get SIGTERM, then SIGKILL, and
 * the check counts as timed out.
 */
public final class MiscProbe implements Probe {
    /** How long keepalived waits after SIGTERM before SIGKILL. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final MiscCheck check;

    public MiscProbe(MiscCheck check) {
        this.check = check;
    }

    @Override
    public Outcome run(int urlIndex) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(check.script().argv())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            // keepalived's child exits 127 when execve fails
            return new Outcome.Down("exited with status", 127, false);
        }
        if (!p.waitFor(check.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            return new Outcome.TimedOut();
        }
        int status = p.exitValue();
        if (status == 0 || (check.dynamic() && status >= 2 && status <= 255)) return new Outcome.Up("", status);
        return new Outcome.Down("exited with status", status, false);
    }
}
