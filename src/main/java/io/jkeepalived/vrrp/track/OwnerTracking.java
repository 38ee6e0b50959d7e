package io.jkeepalived.vrrp.track;

import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracked objects of one owner (a vrrp_instance, or a sync group applying its list to a member), turned
 * into the machine's {@link VrrpEvent.TrackingChanged} whenever what it says changes. Weights are the
 * per-use ones (track_script { chk weight -20 }) already resolved by the config, defaulting to the tracker's.
 */
public final class OwnerTracking {
    private final String owner;
    private final List<Tracked> interfaces;
    private final List<Tracked> scripts;
    private final List<Tracked> files;
    private final List<Tracked> processes;
    private final TrackingSum sum = new TrackingSum();
    private VrrpEvent.TrackingChanged last;

    public OwnerTracking(String owner, List<Tracked> interfaces, List<Tracked> scripts, List<Tracked> files,
            List<Tracked> processes) {
        this.owner = owner;
        this.interfaces = List.copyOf(interfaces);
        this.scripts = List.copyOf(scripts);
        this.files = List.copyOf(files);
        this.processes = List.copyOf(processes);
    }

    public String owner() {
        return owner;
    }

    public boolean isEmpty() {
        return interfaces.isEmpty() && scripts.isEmpty() && files.isEmpty() && processes.isEmpty();
    }

    public boolean tracksInterface(String name) {
        return contains(interfaces, name);
    }

    public boolean tracksScript(String name) {
        return contains(scripts, name);
    }

    public boolean tracksFile(String name) {
        return contains(files, name);
    }

    public boolean tracksProcess(String name) {
        return contains(processes, name);
    }

    public List<Tracked> scripts() {
        return scripts;
    }

    public List<Tracked> files() {
        return files;
    }

    public List<Tracked> processes() {
        return processes;
    }

    /** Adds this owner's trackers to {@code into} (a sync group member sums its own and its group's). */
    public TrackingSum addTo(TrackingSum into, TrackerView view) {
        for (Tracked t : interfaces) into.add(t.weight(), t.reverse(), TrackerState.of(view.interfaceUp(t.name())));
        for (Tracked t : files) into.addFile(t.weight(), t.reverse(), view.fileValue(t.name()));
        for (Tracked t : processes) into.add(t.weight(), t.reverse(), view.process(t.name()));
        for (Tracked t : scripts) into.add(t.weight(), t.reverse(), view.script(t.name()));
        return into;
    }

    /**
     * The event for the trackers' current states plus {@code extraFaults} (no source address…), or null when
     * the machine has already been told the same.
     */
    public VrrpEvent.TrackingChanged evaluate(TrackerView view, int extraFaults) {
        sum.reset();
        addTo(sum, view);
        for (int i = 0; i < extraFaults; i++) sum.addFault();
        if (sum.sameAs(last)) return null;
        last = sum.toEvent();
        return last;
    }

    /**
     * keepalived's start-up lines naming why the owner starts in FAULT (vrrp_track.c
     * initialise_*_tracking_priorities, initialise_track_script_state), in its order and words.
     */
    public List<String> startupFaultLines(TrackerView view) {
        List<String> out = new ArrayList<>();
        for (Tracked t : interfaces) {
            if (t.weight() == 0 && view.interfaceUp(t.name()) == t.reverse()) {
                out.add("(" + owner + "): entering FAULT state (interface " + t.name() + " down)");
            }
        }
        for (Tracked t : files) {
            long v = view.fileValue(t.name());
            long status = t.weight() == 0 ? TrackingSum.fileStatus(0, t.reverse(), v)
                    : (int) (v * t.weight() * (t.reverse() ? -1L : 1L));
            if (status <= TrackingSum.FILE_FAULT) {
                out.add("(" + owner + "): entering FAULT state (tracked file " + t.name() + " has status " + status + ")");
            }
        }
        for (Tracked t : processes) {
            boolean up = view.process(t.name()) == TrackerState.OK;
            if (t.weight() == 0 && up == t.reverse()) {
                out.add("(" + owner + ") entering FAULT state (tracked process " + t.name() + " quorum not achieved)");
            }
        }
        for (Tracked t : scripts) {
            if (t.weight() == 0 && view.script(t.name()) == TrackerState.FAILED) {
                out.add("(" + owner + "): entering FAULT state due to script " + t.name());
            }
        }
        return out;
    }

    private static boolean contains(List<Tracked> list, String name) {
        for (Tracked t : list) if (t.name().equals(name)) return true;
        return false;
    }
}
