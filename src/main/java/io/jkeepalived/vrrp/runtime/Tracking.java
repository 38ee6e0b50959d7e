package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.TrackFile;
import io.jkeepalived.config.model.TrackProcess;
import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.model.VrrpConfig;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.config.model.VrrpScript;
import io.jkeepalived.time.DeadlineQueue;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import io.jkeepalived.vrrp.track.OwnerTracking;
import io.jkeepalived.vrrp.track.StaticTrackGroups;
import io.jkeepalived.vrrp.track.TrackerState;
import io.jkeepalived.vrrp.track.TrackerView;
import io.jkeepalived.vrrp.track.TrackingSum;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every instance's trackers on the event loop (keepalived-features §2.8): track_interface, track_script,
 * track_file, track_process, plus faults from outside them (no source address). Owns the script, file and
 * process trackers, and on any change re-sums the instances that track the changed object, handing each a
 * {@link VrrpEvent.TrackingChanged} when its total moved. Only the loop thread calls it.
 */
final class Tracking implements TrackerView {
    private static final Logger log = LoggerFactory.getLogger(Tracking.class);

    private final Map<InstanceRuntime, OwnerTracking> owners = new LinkedHashMap<>();
    private final Set<InstanceRuntime> extraFault = new HashSet<>();
    private final ScriptTrackers scripts;
    private final FileTrackers files;
    private final ProcessTrackers processes;
    private final Predicate<String> interfaceUp;
    private final boolean logDetail;

    /** {@code previous}: the tracking a reload replaces (its scripts' counts carry over), or null. */
    Tracking(VrrpConfig config, List<InstanceRuntime> instances, DeadlineQueue timers, ScriptLauncher launcher,
            Consumer<TrackerMessage> inbox, Predicate<String> interfaceUp, boolean logDetail, Tracking previous) {
        this.interfaceUp = interfaceUp;
        this.logDetail = logDetail;
        Set<String> usedScripts = new HashSet<>();
        Set<String> usedFiles = new HashSet<>();
        Set<String> usedProcesses = new HashSet<>();
        Map<String, Set<String>> groupInterfaces = StaticTrackGroups.interfacesByInstance(config);
        for (InstanceRuntime i : instances) {
            VrrpInstance v = i.plan.instance();
            OwnerTracking o = new OwnerTracking(v.name(),
                    StaticTrackGroups.withGroupInterfaces(v.trackInterfaces(), groupInterfaces.get(v.name())),
                    v.trackScripts(), v.trackFiles(), v.trackProcesses());
            owners.put(i, o);
            names(v.trackScripts(), usedScripts);
            names(v.trackFiles(), usedFiles);
            names(v.trackProcesses(), usedProcesses);
        }
        // a sync group's trackers are in its members' lists already (SyncGroupTracking)
        List<VrrpScript> s = new ArrayList<>();
        for (VrrpScript x : config.scripts()) if (usedScripts.contains(x.name())) s.add(x);
        List<TrackFile> f = new ArrayList<>();
        for (TrackFile x : config.trackFiles()) if (usedFiles.contains(x.name())) f.add(x);
        List<TrackProcess> p = new ArrayList<>();
        for (TrackProcess x : config.trackProcesses()) if (usedProcesses.contains(x.name())) p.add(x);
        this.scripts = new ScriptTrackers(s, timers, launcher, inbox,
                previous == null ? Map.of() : previous.scripts.statuses());
        this.files = new FileTrackers(f, inbox);
        this.processes = new ProcessTrackers(p, timers, inbox, Path.of("/proc"));
    }

    private static void names(List<Tracked> list, Set<String> into) {
        for (Tracked t : list) into.add(t.name());
    }

    /** The owner view of an instance, for code that sums more (a sync group's trackers). */
    OwnerTracking owner(InstanceRuntime i) {
        return owners.get(i);
    }

    // ---- the view ----

    @Override
    public TrackerState script(String name) {
        return scripts.state(name);
    }

    @Override
    public TrackerState process(String name) {
        return processes.state(name);
    }

    @Override
    public boolean interfaceUp(String name) {
        return interfaceUp.test(name);
    }

    @Override
    public long fileValue(String name) {
        return files.value(name);
    }

    // ---- start-up (vrrp_track.c initialise_tracking_priorities) ----

    /** Reads the files and /proc once, before the instances start. */
    void startTrackers(long now) {
        files.start();
        if (!processes.isEmpty()) processes.start(now);
    }

    /**
     * An instance's starting view, before its Start: keepalived's cause lines, then the totals.
     * {@code noSourceLine} is the runtime's line for an instance without a source address, or null.
     */
    void initialise(InstanceRuntime i, String noSourceLine, boolean quiet, long now) {
        OwnerTracking o = owners.get(i);
        if (noSourceLine != null) extraFault.add(i);
        // keepalived: interfaces, files and processes first, then the missing address, then the scripts
        List<String> lines = quiet ? List.of() : o.startupFaultLines(this);
        for (String line : lines) if (!line.contains(" due to script ")) log.info(line);
        if (noSourceLine != null && !quiet) log.info(noSourceLine);
        for (String line : lines) if (line.contains(" due to script ")) log.info(line);
        reevaluate(i, now);
    }

    /** Scripts start once the instances have (vrrp_register_workers: vrrp_init_state, then vrrp_init_script). */
    void startScripts(long now) {
        scripts.start(now);
    }

    // ---- changes ----

    /** A message from a tracker's thread. */
    void receive(TrackerMessage m, long now) {
        if (m.from() != scripts && m.from() != files && m.from() != processes) return;
        switch (m) {
            case TrackerMessage.ScriptDone d -> {
                if (scripts.done(d)) changed(o -> o.tracksScript(scripts.name(d.script())), now);
            }
            case TrackerMessage.FileRead r -> {
                String name = files.name(r.file());
                long before = files.value(name);
                if (!files.read(r)) return;
                if (logDetail) fileDetail(name, before, files.value(name));
                changed(o -> o.tracksFile(name), now);
            }
            case TrackerMessage.ProcessesCounted c -> {
                for (String name : processes.counted(c, now)) changed(o -> o.tracksProcess(name), now);
            }
        }
    }

    /** keepalived's -D lines when a track_file takes an instance into or out of FAULT (track_file.c). */
    private void fileDetail(String name, long before, long after) {
        for (OwnerTracking o : owners.values()) {
            for (Tracked t : o.files()) {
                if (!t.name().equals(name)) continue;
                boolean was = TrackingSum.fileStatus(t.weight(), t.reverse(), before) == TrackingSum.FILE_FAULT;
                boolean is = TrackingSum.fileStatus(t.weight(), t.reverse(), after) == TrackingSum.FILE_FAULT;
                if (is && !was) log.info("({}): tracked file {} now FAULT state", o.owner(), name);
                if (was && !is) log.info("({}): tracked file {} leaving FAULT state", o.owner(), name);
            }
        }
    }

    /** Whether the timer is a tracker's (a script's period, a process debounce); if so it is handled. */
    boolean timerExpired(int timerId, long now) {
        if (scripts.timerExpired(timerId, now)) return true;
        if (!processes.owns(timerId)) return false;
        String name = processes.timerExpired(timerId, now);
        if (name != null) changed(o -> o.tracksProcess(name), now);
        return true;
    }

    /** An interface went up or down. */
    void interfaceChanged(String name, long now) {
        changed(o -> o.tracksInterface(name), now);
    }

    /** Whether any instance tracks the interface (track_interface). */
    boolean tracksInterface(String name) {
        for (OwnerTracking o : owners.values()) if (o.tracksInterface(name)) return true;
        return false;
    }

    private void changed(Predicate<OwnerTracking> affected, long now) {
        for (var e : owners.entrySet()) {
            if (affected.test(e.getValue())) reevaluate(e.getKey(), now);
        }
    }

    private void reevaluate(InstanceRuntime i, long now) {
        VrrpEvent.TrackingChanged t = owners.get(i).evaluate(this, extraFault.contains(i) ? 1 : 0);
        if (t != null) i.handle(t, now);
    }

    void stop() {
        scripts.stop();
        files.stop();
        processes.stop();
    }
}
