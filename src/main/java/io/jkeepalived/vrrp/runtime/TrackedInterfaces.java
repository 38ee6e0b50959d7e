package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.vrrp.fsm.EffectivePriority;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import java.util.List;
import java.util.function.Predicate;

/**
 * An instance's track_interface list (keepalived.conf(5): "track_interface { eth1 weight W [reverse] }"):
 * each interface's up/down (IFF_UP and IFF_RUNNING) turned into the machine's
 * {@link VrrpEvent.TrackingChanged}, sent only when the sum or the fault count changes.
 */
final class TrackedInterfaces {
    private final List<Tracked> tracked;
    private int adjustment;
    private int faults;

    TrackedInterfaces(List<Tracked> tracked) {
        this.tracked = List.copyOf(tracked);
    }

    boolean isEmpty() {
        return tracked.isEmpty();
    }

    boolean tracks(String ifName) {
        for (Tracked t : tracked) if (t.name().equals(ifName)) return true;
        return false;
    }

    /** Names of weight-0 interfaces that fault the instance now (for keepalived's start-up line). */
    List<String> faulting(Predicate<String> up) {
        return tracked.stream().filter(t -> EffectivePriority.faults(t.weight(), t.reverse(), up.test(t.name())))
                .map(Tracked::name).toList();
    }

    /** The event for the interfaces' current state, or null when nothing the machine sees has changed. */
    VrrpEvent.TrackingChanged evaluate(Predicate<String> up) {
        int adj = 0;
        int f = 0;
        for (Tracked t : tracked) {
            boolean ok = up.test(t.name());
            adj += EffectivePriority.contribution(t.weight(), t.reverse(), ok);
            if (EffectivePriority.faults(t.weight(), t.reverse(), ok)) f++;
        }
        if (adj == adjustment && f == faults) return null;
        adjustment = adj;
        faults = f;
        return new VrrpEvent.TrackingChanged(adj, f);
    }
}
