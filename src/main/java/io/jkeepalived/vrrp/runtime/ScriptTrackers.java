package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.VrrpScript;
import io.jkeepalived.time.DeadlineQueue;
import io.jkeepalived.vrrp.track.ScriptStatus;
import io.jkeepalived.vrrp.track.TrackerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vrrp_scripts in use, scheduled on the loop's {@link DeadlineQueue} (vrrp_scheduler.c
 * vrrp_script_thread): each runs at start and then every {@code interval}; the run itself happens on the
 * launcher's threads and its outcome comes back through the loop's queue as {@link TrackerMessage.ScriptDone}.
 * A run still going when the next is due is reported ("Track script chk is already running, expect idle -
 * skipping run") and, as keepalived 2.2.7 does, started anyway.
 */
final class ScriptTrackers {
    private static final Logger log = LoggerFactory.getLogger(ScriptTrackers.class);

    private final List<VrrpScript> scripts = new ArrayList<>();
    private final List<ScriptStatus> statuses = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final DeadlineQueue timers;
    private final ScriptLauncher launcher;
    private final Consumer<TrackerMessage> inbox;
    private int[] timerIds = new int[0];
    private int[] running = new int[0];

    /** {@code carried}: the statuses of the scripts before a reload, by name (kept when rise and fall agree). */
    ScriptTrackers(List<VrrpScript> used, DeadlineQueue timers, ScriptLauncher launcher,
            Consumer<TrackerMessage> inbox, Map<String, ScriptStatus> carried) {
        this.timers = timers;
        this.launcher = launcher;
        this.inbox = inbox;
        for (VrrpScript s : used) {
            if (s.script() == null || byName.containsKey(s.name())) continue;
            byName.put(s.name(), scripts.size());
            scripts.add(s);
            // init_fail has no effect on a tracked script in 2.2.7: tracking it (vrrp_track.c
            // alloc_track_script) puts it back in the initial state, one result away (measured)
            ScriptStatus old = carried.get(s.name());
            statuses.add(old != null && old.sameCounting(s.rise(), s.fall()) ? old
                    : new ScriptStatus(s.name(), s.rise(), s.fall(), false));
        }
    }

    boolean isEmpty() {
        return scripts.isEmpty();
    }

    TrackerState state(String name) {
        Integer i = byName.get(name);
        // a script keepalived dropped (no program) never reports: it stays pending
        return i == null ? TrackerState.PENDING : statuses.get(i).state();
    }

    Map<String, ScriptStatus> statuses() {
        Map<String, ScriptStatus> out = new HashMap<>();
        for (ScriptStatus s : statuses) out.put(s.name(), s);
        return out;
    }

    String name(int index) {
        return scripts.get(index).name();
    }

    /** Takes the timers and starts every script once (vrrp_init_script: an event, not a timer). */
    void start(long now) {
        timerIds = new int[scripts.size()];
        running = new int[scripts.size()];
        for (int i = 0; i < scripts.size(); i++) {
            timerIds[i] = timers.newTimer();
            run(i, now);
        }
    }

    /** Whether the timer is one of ours; if so the script is run again. */
    boolean timerExpired(int timerId, long now) {
        for (int i = 0; i < timerIds.length; i++) {
            if (timerIds[i] == timerId) {
                run(i, now);
                return true;
            }
        }
        return false;
    }

    private void run(int i, long now) {
        VrrpScript s = scripts.get(i);
        timers.schedule(timerIds[i], now + Math.max(1, s.intervalMicros()) * 1_000);
        if (running[i] > 0) {
            log.info("Track script {} is already running, expect idle - skipping run", s.name());
        }
        running[i]++;
        launcher.launch(s, outcome -> inbox.accept(new TrackerMessage.ScriptDone(this, i, outcome)));
    }

    /** A run ended: counts it; true when the script's state changed. */
    boolean done(TrackerMessage.ScriptDone d) {
        int i = d.script();
        if (running[i] > 0) running[i]--;
        return statuses.get(i).record(d.outcome(), log::info);
    }

    void stop() {
        for (int id : timerIds) timers.release(id);
        timerIds = new int[0];
    }
}
