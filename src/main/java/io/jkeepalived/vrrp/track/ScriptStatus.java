package io.jkeepalived.vrrp.track;

import java.util.List;
import java.util.function.Consumer;

/**
 * One vrrp_script's rise/fall counting, as keepalived 2.2.7's vrrp_script_child_thread does it.
 *
 * <p>keepalived keeps one counter, {@code result}, in 0..rise+fall-1: OK means result ≥ rise. At start it is
 * rise-1 ("one success is enough", vrrp_init_script), or 0 with {@code init_fail}. A success below rise-1
 * counts up; a success at rise-1 turns the script OK ("VRRP_Script(chk) succeeded") and jumps to the top;
 * a failure above rise counts down; otherwise the script becomes FAILED and the counter 0. The first
 * result after start is always reported (so one failure is enough too), except after {@code init_fail},
 * where the script already counts as failed. Timeouts are failures ("timed_out"). Only the loop thread
 * uses it.
 */
public final class ScriptStatus {
    private final String name;
    private final int rise;
    private final int fall;
    private int result;
    /** Neither succeeded nor failed yet, and not init_fail: keepalived's SCRIPT_INIT_STATE_INIT. */
    private boolean initial;
    private TrackerState state;
    private int lastStatus;

    public ScriptStatus(String name, int rise, int fall, boolean initFail) {
        if (rise < 1 || fall < 1) throw new IllegalArgumentException("rise and fall are at least 1");
        this.name = name;
        this.rise = rise;
        this.fall = fall;
        this.initial = !initFail;
        this.result = initFail ? 0 : rise - 1;
        this.state = initFail ? TrackerState.FAILED : TrackerState.PENDING;
    }

    public String name() {
        return name;
    }

    public TrackerState state() {
        return state;
    }

    /** Whether a reloaded script with these settings can carry this count over. */
    public boolean sameCounting(int rise, int fall) {
        return this.rise == rise && this.fall == fall;
    }

    /**
     * Counts one run's outcome; logs keepalived's lines through {@code log}, and says whether the
     * tracker's state changed (then every owner tracking it recomputes its priority and faults).
     */
    public boolean record(ScriptOutcome outcome, Consumer<String> log) {
        boolean success = false;
        String type;
        String reason = null;
        switch (outcome) {
            case ScriptOutcome.Exited(int status) -> {
                if (status != lastStatus) log.accept("Script `" + name + "` now returning " + status);
                lastStatus = status;
                success = status == 0;
                type = success ? "succeeded" : "failed";
                if (!success) reason = " (exited with status " + status + ")";
            }
            case ScriptOutcome.Signalled(int signal) -> {
                type = "failed";
                reason = " (due to signal " + signal + ")";
            }
            case ScriptOutcome.TimedOut t -> type = "timed_out";
        }
        TrackerState before = state;
        if (success) {
            if (result < rise - 1) {
                result++;
            } else if (result != rise + fall - 1) {
                if (result < rise) {
                    log.accept("VRRP_Script(" + name + ") " + type);
                    state = TrackerState.OK;
                }
                result = rise + fall - 1;
            }
        } else if (result > rise) {
            result--;
        } else {
            if (result == rise || initial) {
                log.accept("VRRP_Script(" + name + ") " + type + (reason == null ? "" : reason));
                state = TrackerState.FAILED;
            }
            result = 0;
        }
        initial = false;
        return state != before;
    }

    /** A convenience for tests and dumps: the lines {@link #record} would log. */
    public List<String> recordLines(ScriptOutcome outcome) {
        var lines = new java.util.ArrayList<String>();
        record(outcome, lines::add);
        return lines;
    }
}
