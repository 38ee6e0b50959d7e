package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.vrrp.fsm.VrrpDecision;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import io.jkeepalived.vrrp.fsm.VrrpMachine;
import io.jkeepalived.vrrp.packet.AdvertEncoder;
import io.jkeepalived.vrrp.packet.PacketCounters;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A dry run of the take-over at start-up, on throwaway machines and encoders: nothing reaches the wire,
 * the kernel or the log. A backup may wait hours for its first take-over, and the JVM runs a path for the
 * first time slowly (classes loaded and linked, code interpreted): measured 1–5 ms between the
 * master-down timer firing and the first advert leaving, against keepalived's tens of microseconds
 * (docs/BENCHMARKS.md). Enough rounds for the JIT to compile the path, once per kind of instance.
 */
final class Rehearsal {
    /** Above C1's invocation threshold (Tier3InvocationThreshold 200) for the methods of the path. */
    static final int ROUNDS = 300;
    private static final long START = 1_000_000_000L;
    private static final long LATER = 3_600_000_000_000L;

    private Rehearsal() {
    }

    /**
     * Rehearses each kind of instance (version, family, authentication, unicast) once, and each socket's
     * send path through the kernel without sending (MSG_PROBE).
     */
    static void takeOvers(List<InstanceRuntime> instances, int rounds) {
        Set<String> kinds = new HashSet<>();
        Set<AdvertSocket> sockets = new HashSet<>();
        for (InstanceRuntime i : instances) {
            InstancePlan p = i.plan;
            String kind = p.spec().version() + "/" + p.family() + "/" + p.advert().authType() + "/" + p.spec().unicast();
            if (kinds.add(kind)) takeOver(p, rounds);
            if (sockets.add(i.socket)) {
                try {
                    i.rehearseSend(rounds);
                } catch (RuntimeException e) {
                    // a rehearsal never stops the start; the real send reports its own errors
                }
            }
        }
    }

    /** BACKUP → master-down timeout → MASTER with its first advert encoded → one advert tick → stop. */
    static void takeOver(InstancePlan plan, int rounds) {
        List<VrrpDecision> out = new ArrayList<>(16);
        AdvertEncoder encoder = new AdvertEncoder(plan.advert());
        PacketCounters counters = new PacketCounters(plan.checksumCompat());
        // the kind of buffer the socket's send area is (a native segment's view), so the same code is compiled
        ByteBuffer buf = Arena.ofAuto().allocate(encoder.length(), 8).asByteBuffer();
        byte[] destination = plan.destinations().isEmpty() ? new byte[plan.family().addressLength()]
                : plan.destinations().getFirst().getAddress();
        for (int r = 0; r < rounds; r++) {
            VrrpMachine machine = new VrrpMachine(plan.spec());
            long now = START;
            machine.handleInto(new VrrpEvent.Start(0), now, out);
            for (int tick = 0; tick < 2; tick++) {
                out.clear();
                now += LATER;
                machine.handleInto(VrrpEvent.TIMER_FIRED, now, out);
                WireFirst.advertToHoist(out);
                for (VrrpDecision d : out) {
                    if (d instanceof VrrpDecision.SendAdvert s) {
                        counters.nextAdvert();
                        encoder.encode(buf, 0, s.priority(), destination, counters);
                    }
                }
            }
            out.clear();
            machine.handleInto(new VrrpEvent.Shutdown(true), now, out);
            out.clear();
        }
    }
}
