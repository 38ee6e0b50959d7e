package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.net.FrameSender;
import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.IpRawChannel;
import io.jkeepalived.net.NetException;
import io.jkeepalived.time.DeadlineQueue;
import io.jkeepalived.vrrp.fsm.VrrpDecision;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import io.jkeepalived.vrrp.fsm.VrrpMachine;
import io.jkeepalived.vrrp.fsm.VrrpState;
import io.jkeepalived.vrrp.fsm.VrrpVersion;
import io.jkeepalived.vrrp.packet.AddressText;
import io.jkeepalived.vrrp.packet.AdvertEncoder;
import io.jkeepalived.vrrp.packet.AdvertValidator;
import io.jkeepalived.vrrp.packet.AdvertView;
import io.jkeepalived.vrrp.packet.Arrival;
import io.jkeepalived.vrrp.packet.IpFamily;
import io.jkeepalived.vrrp.packet.PacketCounters;
import io.jkeepalived.vrrp.packet.ReceiveCounters;
import io.jkeepalived.vrrp.packet.Verdict;
import io.jkeepalived.vrrp.packet.VerdictLog;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running {@code vrrp_instance} on the event loop: its {@link VrrpMachine}, and the execution of the
 * machine's decisions (adverts through the shared socket, VIPs through the kernel, gratuitous ARP / NA
 * bursts on their own timer). Only the loop thread touches it, except {@link #published} for dumps.
 */
final class InstanceRuntime {
    private static final Logger log = LoggerFactory.getLogger(InstanceRuntime.class);
    private static final int MAX_PENDING_GARPS = 8;
    private static final int ENETUNREACH = 101;

    final InstancePlan plan;
    final VrrpMachine machine;
    final AdvertSocket socket;
    final int machineTimer;
    final int garpTimer;
    private final String tag;
    private final Effects effects;
    private final VrrpListener listener;
    private final DeadlineQueue timers;
    private final AdvertEncoder encoder;
    private final PacketCounters counters;
    private final ReceiveCounters stats = new ReceiveCounters();
    final SendCounters sent = new SendCounters();
    private final AdvertValidator validator;
    private final IpRawChannel.Destination[] destinations;
    private final byte[][] destinationBytes;
    private final VirtualAddresses vips;
    private final RouteSet virtualRoutes;
    private boolean cleanedUp;
    private List<VrrpDecision> startCleanup;
    private List<VrrpDecision> startRest;
    private boolean secondCleanup;
    private final List<VrrpDecision> batch = new ArrayList<>(8);
    private final Arrival arrival = new Arrival();
    private final byte[] source = new byte[16];
    private final byte[] masterSource = new byte[16];
    private boolean masterKnown;
    private InetAddress lastSender;
    private VrrpEvent.AdvertReceived lastAdvert;
    private final byte[] lastSenderBytes = new byte[16];
    private final long[] garpAt = new long[MAX_PENDING_GARPS];
    private final int[] garpRepeat = new int[MAX_PENDING_GARPS];
    private int garpCount;
    private boolean sendErrorLogged;
    /** The instance's vrrp_sync_group, or null. */
    private SyncGroupRuntime group;
    /**
     * No start-up cleanup of left-over VIPs: keepalived forces it only at start-up and only on an interface
     * that already existed (vrrp.c vrrp_complete_instance), so not after a reload nor on a new VMAC.
     */
    boolean skipStartupCleanup;
    /** The state as last seen by the loop, for dumps from other threads. */
    volatile VrrpState published = VrrpState.INIT;
    /** Wall-clock time of the last published change, for the JSON dump's last_transition (vrrp_json.c). */
    volatile long lastTransitionMicros = wallMicros();

    /** What an instance needs from the rest of the runtime to act. */
    interface Effects {
        io.jkeepalived.net.AddressControl addresses();

        /** Routes and rules; only asked for by instances that have virtual_routes or virtual_rules. */
        default io.jkeepalived.net.RouteControl routes() {
            throw new UnsupportedOperationException("no route control");
        }

        FrameSender frames();

        /** The MAC of an interface, or null when unknown. */
        byte[] mac(String ifName);

        int ifIndex(String ifName);

        /** Whether the interface forwards IPv6 (keepalived then sets the NA router flag). */
        boolean ipv6Router(String ifName);

        boolean logDetail();

        /** vrrp_garp_interval pacing: whether the GARP/NA for VIP {@code vip} may go now; if not it waits. */
        default boolean admitGarp(InstanceRuntime instance, int vip, String dev, boolean ipv6, long now) {
            return true;
        }

        /** The instance dropped its VIPs: its waiting GARPs/NAs are forgotten. */
        default void forgetGarps(InstanceRuntime instance) {
        }
    }

    InstanceRuntime(InstancePlan plan, AdvertSocket socket, DeadlineQueue timers, VirtualAddresses vips,
            Effects effects, VrrpListener listener) {
        this.plan = plan;
        this.listener = listener;
        this.machine = new VrrpMachine(plan.spec());
        this.socket = socket;
        this.timers = timers;
        this.vips = vips;
        this.virtualRoutes = new RouteSet("(" + plan.name() + ")", plan.instance().routes(), plan.instance().rules());
        this.effects = effects;
        this.tag = "(" + plan.name() + ")";
        this.machineTimer = timers.newTimer();
        this.garpTimer = timers.newTimer();
        this.encoder = new AdvertEncoder(plan.advert());
        this.counters = new PacketCounters(plan.checksumCompat());
        this.validator = new AdvertValidator(plan.receive(), counters, stats);
        int n = plan.destinations().size();
        this.destinations = new IpRawChannel.Destination[n];
        this.destinationBytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            destinations[i] = socket.destination(plan.destinations().get(i));
            destinationBytes[i] = plan.destinations().get(i).getAddress();
        }
    }

    /** Feeds one event to the machine (through its sync group, if any) and carries out what it decides. */
    void handle(VrrpEvent event, long now) {
        if (group != null) {
            group.handle(this, event, now);
        } else {
            run(event, now);
        }
    }

    void joinGroup(SyncGroupRuntime g) {
        group = g;
    }

    /** The machine alone: its decisions carried out, no sync group consulted. */
    void run(VrrpEvent event, long now) {
        batch.clear();
        machine.handleInto(event, now, batch);
        int i = 0;
        if (startRest != null && event instanceof VrrpEvent.Start) {
            // keepalived logs every instance's start-up FAULT (vrrp_complete_init), then clears every
            // instance's leftovers (vrrp_restore_interfaces_startup), then enters BACKUP instance by
            // instance (vrrp_init_state): the cleanup waits for cleanUpAtStart, the rest for finishStart
            for (; i < batch.size() && !(batch.get(i) instanceof VrrpDecision.RemoveVips); i++) execute(batch.get(i), now);
            if (i < batch.size()) startCleanup.add(batch.get(i++));
            startRest.addAll(batch.subList(i, batch.size()));
            i = batch.size();
        }
        int first = i < batch.size() ? WireFirst.advertToHoist(batch) : -1;
        if (first > 0) execute(batch.get(first), now);
        for (; i < batch.size(); i++) {
            if (i != first) execute(batch.get(i), now);
        }
        batch.clear();
        publish();
    }

    private void publish() {
        VrrpState now = machine.state();
        if (now != published) lastTransitionMicros = wallMicros();
        published = now;
    }

    private static long wallMicros() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    /** A reload kept this instance: its predecessor's routes and rules still configured are ours now. */
    void takeRoutingFrom(InstanceRuntime was) {
        if (!was.virtualRoutes.hasRoutes() && !was.virtualRoutes.hasRules()) return;
        virtualRoutes.takeOver(was.virtualRoutes, effects.routes(), effects.logDetail(), effects::ifIndex);
        cleanedUp = true;
    }

    /** The next Start is carried out in three parts, the others at {@link #cleanUpAtStart}, {@link #finishStart}. */
    void splitStart() {
        startCleanup = new ArrayList<>();
        startRest = new ArrayList<>();
    }

    void cleanUpAtStart(long now) {
        List<VrrpDecision> cleanup = startCleanup;
        startCleanup = null;
        if (cleanup != null) for (VrrpDecision d : cleanup) execute(d, now);
    }

    void finishStart(long now) {
        List<VrrpDecision> rest = startRest;
        startRest = null;
        if (secondCleanup) {
            // vrrp_init_state's own vrrp_restore_interface: routes and rules again
            secondCleanup = false;
            VirtualRouting.remove(tag, virtualRoutes, effects);
        }
        if (rest != null) for (VrrpDecision d : rest) execute(d, now);
    }

    /** A timer of this instance expired. */
    void timerExpired(int timerId, long now) {
        if (timerId == machineTimer) {
            handle(VrrpEvent.TIMER_FIRED, now);
        } else if (timerId == garpTimer) {
            sendDueGarps(now);
        }
    }

    /** A packet for our VRID on our socket: keepalived's receive checks, then the machine. */
    void receive(InboundPacket p, long now) {
        VrrpState state = machine.state();
        if (state != VrrpState.BACKUP && state != VrrpState.MASTER) return;
        Arrival a = plan.family() == IpFamily.IPV6
                ? arrival.set(p.source, p.ttl, p.multicastDestination) : arrival.clear();
        Verdict v = validator.check(p.buffer, 0, p.length, a, state == VrrpState.BACKUP,
                masterKnown ? masterSource : null);
        if (!v.accepted() || validator.switchedToOldChecksum()) {
            String line = VerdictLog.line(validator, plan.name(), plan.interfaceName());
            if (line != null) log.info(line);
            if (!v.accepted()) {
                if (v.outcome() != Verdict.Outcome.IGNORED) handle(VrrpEvent.ADVERT_REFUSED, now);
                return;
            }
        }
        AdvertView view = validator.view();
        if (plan.family() == IpFamily.IPV4) {
            view.ipv4Source(source);
        } else {
            System.arraycopy(p.source, 0, source, 0, 16);
        }
        InetAddress sender = sender();
        int interval = plan.spec().version() == VrrpVersion.V2
                ? view.advertIntervalSeconds() : view.advertIntervalCentis();
        VrrpEvent.AdvertReceived event = lastAdvert;
        // the steady state hears the same master with the same values every interval: reuse the event
        if (event == null || event.source() != sender || event.priority() != view.priority()
                || event.maxAdvertInterval() != interval) {
            event = new VrrpEvent.AdvertReceived(sender, view.priority(), interval);
            lastAdvert = event;
        }
        handle(event, now);
        if (machine.state() == VrrpState.BACKUP) {
            System.arraycopy(source, 0, masterSource, 0, 16);
            masterKnown = true;
        }
    }

    /** The sender as an address object, made again only when the sender changes. */
    private InetAddress sender() {
        int len = plan.family().addressLength();
        if (lastSender == null || !Arrays.equals(source, 0, len, lastSenderBytes, 0, len)) {
            System.arraycopy(source, 0, lastSenderBytes, 0, len);
            try {
                lastSender = InetAddress.getByAddress(Arrays.copyOf(source, len));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return lastSender;
    }

    private void execute(VrrpDecision d, long now) {
        switch (d) {
            case VrrpDecision.SendAdvert s -> sendAdvert(s.priority());
            case VrrpDecision.ArmTimer t -> timers.schedule(machineTimer, t.deadlineNanos());
            case VrrpDecision.DisarmTimer t -> timers.cancel(machineTimer);
            case VrrpDecision.Log l -> log.info(l.line());
            case VrrpDecision.AddVips a -> {
                if (effects.logDetail()) log.info(tag + " setting VIPs.");
                vips.add(effects.addresses());
                VirtualRouting.add(tag, virtualRoutes, effects);
                // a MASTER resumed by a reload had its start-up long ago: its next removal is a real one
                cleanedUp = true;
                skipStartupCleanup = false;
            }
            case VrrpDecision.RemoveVips r -> {
                if (skipStartupCleanup) {
                    // the first removal is the start-up cleanup, which keepalived skips here
                    skipStartupCleanup = false;
                    cleanedUp = true;
                    return;
                }
                VirtualRouting.remove(tag, virtualRoutes, effects);
                // keepalived says so under -D even for its start-up cleanup
                if (effects.logDetail()) log.info(tag + " removing VIPs.");
                vips.remove(effects.addresses());
                if (!cleanedUp) {
                    // vrrp_init_state's vrrp_restore_interface after the start-up one: routes and rules again
                    cleanedUp = true;
                    if (startRest != null) {
                        secondCleanup = true;
                    } else {
                        VirtualRouting.remove(tag, virtualRoutes, effects);
                    }
                }
                garpCount = 0;
                timers.cancel(garpTimer);
                effects.forgetGarps(this);
            }
            case VrrpDecision.SendGratuitousArps g -> {
                if (g.notBeforeNanos() <= now) {
                    sendGarps(g.repeat(), now);
                } else {
                    queueGarps(g.repeat(), g.notBeforeNanos());
                }
            }
            case VrrpDecision.AnnounceSourceAddress a -> announceSource();
            case VrrpDecision.StateChanged c -> {
                masterKnown = masterKnown && c.to() == VrrpState.BACKUP;
                // vrrp.c: become_master on entering MASTER, release_master in leave_master (not at shutdown)
                if (c.to() == VrrpState.MASTER) sent.becomeMaster++;
                else if (c.from() == VrrpState.MASTER && c.to() != VrrpState.STOP) sent.releaseMaster++;
            }
            // notify scripts, FIFO and SMTP are issue 6
            case VrrpDecision.Notify n -> {
                if (group == null || group.allowsInstanceNotify(this, n.state())) {
                    listener.instanceState(plan.name(), n.state(), n.priority());
                }
            }
            case VrrpDecision.NotifyMasterRxLowerPri n -> listener.masterRxLowerPri(plan.name(), n.priority());
            case VrrpDecision.NotifyPriorityChanged n -> listener.priorityChanged(plan.name(), n.state(), n.priority());
        }
    }

    private void sendAdvert(int priority) {
        counters.nextAdvert();
        sent.advertSent++;
        if (priority == 0) sent.priZeroSent++;
        transmit(priority, false);
    }

    /**
     * The socket half of the take-over, rehearsed at start-up (Rehearsal): encoded and routed by the kernel
     * but never sent (MSG_PROBE), the counters untouched, so the first real advert does not run this path
     * for the first time.
     */
    void rehearseSend(int rounds) {
        for (int r = 0; r < rounds; r++) transmit(plan.spec().priority(), true);
    }

    private void transmit(int priority, boolean probe) {
        ByteBuffer buf = socket.channel.sendBuffer();
        for (int i = 0; i < destinations.length; i++) {
            int n = encoder.encode(buf, 0, priority, destinationBytes[i], counters);
            try {
                if (probe) {
                    socket.channel.probeFromBuffer(n, destinations[i]);
                    continue;
                }
                socket.channel.sendFromBuffer(n, destinations[i]);
                sendErrorLogged = false;
            } catch (NetException e) {
                if (probe) continue; // a rehearsal says nothing; the real advert reports its own failure
                // keepalived is silent about a stopping advert that cannot leave a downed interface
                boolean quiet = priority == 0 && e.errno() == ENETUNREACH;
                if (!sendErrorLogged && !quiet) {
                    log.info(tag + " Cant send advert to " + AddressText.of(destinationBytes[i])
                            + " (" + errnoText(e) + ")");
                    sendErrorLogged = true;
                }
            }
        }
    }

    /** strerror's words, as keepalived's %m prints them. */
    private static String errnoText(NetException e) {
        String m = e.getMessage();
        int end = m.lastIndexOf(" (errno ");
        int start = m.lastIndexOf(": ", end < 0 ? m.length() : end);
        return start >= 0 && end > start ? m.substring(start + 2, end) : m;
    }

    private void queueGarps(int repeat, long at) {
        if (garpCount == MAX_PENDING_GARPS) return;
        garpAt[garpCount] = at;
        garpRepeat[garpCount] = repeat;
        garpCount++;
        rearmGarps();
    }

    private void rearmGarps() {
        long first = DeadlineQueue.NO_DEADLINE;
        for (int i = 0; i < garpCount; i++) first = Math.min(first, garpAt[i]);
        if (first == DeadlineQueue.NO_DEADLINE) {
            timers.cancel(garpTimer);
        } else {
            timers.schedule(garpTimer, first);
        }
    }

    private void sendDueGarps(long now) {
        int kept = 0;
        for (int i = 0; i < garpCount; i++) {
            if (garpAt[i] <= now) {
                if (vips.isSet()) sendGarps(garpRepeat[i], now);
            } else {
                garpAt[kept] = garpAt[i];
                garpRepeat[kept] = garpRepeat[i];
                kept++;
            }
        }
        garpCount = kept;
        rearmGarps();
    }

    /** keepalived's vrrp_send_link_update: {@code repeat} rounds over every VIP, the burst logged once. */
    private void sendGarps(int repeat, long now) {
        List<InterfaceAddress> addrs = vips.addresses();
        byte[] frame = new byte[128];
        for (int round = 0; round < repeat; round++) {
            for (int i = 0; i < addrs.size(); i++) {
                InterfaceAddress a = addrs.get(i);
                boolean v6 = a.address().getAddress().length == 16;
                if (v6 && a.address().isLinkLocalAddress()) continue;
                String dev = vips.device(i);
                String text = AddressText.of(a.address().getAddress());
                if (round == 0 && effects.logDetail()) {
                    log.info(tag + " Sending/queueing " + (v6 ? "Unsolicited Neighbour Adverts" : "gratuitous ARPs")
                            + " on " + dev + " for " + text);
                }
                if (effects.admitGarp(this, i, dev, v6, now)) sendOne(dev, a.address(), frame);
            }
        }
    }

    /** A GARP/NA that waited for vrrp_garp_interval / vrrp_gna_interval; dropped if the VIPs went meanwhile. */
    void sendQueuedGarp(int vip) {
        if (!vips.isSet() || vip >= vips.addresses().size()) return;
        sendOne(vips.device(vip), vips.addresses().get(vip).address(), new byte[128]);
    }

    private void announceSource() {
        InetAddress src = plan.source();
        if (src != null && plan.interfaceName() != null) sendOne(plan.interfaceName(), src, new byte[128]);
    }

    private void sendOne(String dev, InetAddress address, byte[] frame) {
        byte[] mac = effects.mac(dev);
        if (mac == null || mac.length != 6) return;
        byte[] ip = address.getAddress();
        boolean v6 = ip.length == 16;
        String text = AddressText.of(address.getAddress());
        try {
            int len;
            int etherType;
            if (v6) {
                len = io.jkeepalived.net.frame.NeighbourAdvert.encode(frame, 0, mac, ip, effects.ipv6Router(dev));
                etherType = io.jkeepalived.net.frame.NeighbourAdvert.ETHERTYPE_IPV6;
                if (effects.logDetail()) log.info("Sending unsolicited Neighbour Advert on " + dev + " for " + text);
            } else {
                len = io.jkeepalived.net.frame.GratuitousArp.encode(frame, 0, mac, ip);
                etherType = io.jkeepalived.net.frame.GratuitousArp.ETHERTYPE_ARP;
                if (effects.logDetail()) log.info("Sending gratuitous ARP on " + dev + " for " + text);
            }
            effects.frames().sendFrame(effects.ifIndex(dev), etherType, frame, 0, len);
        } catch (NetException e) {
            // keepalived's vrrp_arp.c / vrrp_ndisc.c wording
            log.info(v6 ? "Error " + e.errno() + " sending ndisc unsolicited neighbour advert on " + dev + " for " + text
                    : "Error " + e.errno() + " (" + errnoText(e) + ") sending gratuitous ARP on " + dev + " for " + text);
        }
    }

    /** SIGHUP: a MASTER advertises once more before the reload (vrrp_daemon.c sigreload_vrrp). */
    void advertBeforeReload() {
        if (machine.state() == VrrpState.MASTER) sendAdvert(machine.effectivePriority());
    }

    /**
     * A reload dropped this instance (vrrp.c clear_diff_vrrp): a MASTER sends priority 0 and removes its
     * VIPs, and keepalived notifies DELETED (notify_deleted) or FAULT for it ({@link
     * VrrpListener#instanceDeleted}). Its timers are given back.
     */
    void deleted(long now) {
        VrrpState was = machine.state();
        batch.clear();
        machine.handleInto(new VrrpEvent.Shutdown(true), now, batch);
        for (int i = 0; i < batch.size(); i++) {
            if (!(batch.get(i) instanceof VrrpDecision.Notify)) execute(batch.get(i), now);
        }
        batch.clear();
        publish();
        listener.instanceDeleted(plan.name(), was == VrrpState.FAULT, machine.effectivePriority());
        release();
    }

    /** Gives the timers back (the instance was replaced by a reload). */
    void release() {
        effects.forgetGarps(this);
        timers.release(machineTimer);
        timers.release(garpTimer);
    }

    /** The addresses of this instance, for a reload's diff. */
    VirtualAddresses vips() {
        return vips;
    }

    /** Received-advert counts, for the stats dump. */
    ReceiveCounters stats() {
        return stats;
    }
}
