package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.VrrpConfig;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.net.InterfaceAddress;
import io.jkeepalived.net.IpRawChannel;
import io.jkeepalived.net.Link;
import io.jkeepalived.net.LinkEvents;
import io.jkeepalived.net.NetEvent;
import io.jkeepalived.net.NetException;
import io.jkeepalived.time.DeadlineQueue;
import io.jkeepalived.time.NanoClock;
import io.jkeepalived.vrrp.fsm.VrrpEvent;
import io.jkeepalived.vrrp.packet.AdvertView;
import io.jkeepalived.vrrp.packet.IpFamily;
import io.jkeepalived.vrrp.packet.Verdict;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP side of the daemon (keepalived's VRRP child): one event-loop platform thread owns every
 * instance, its {@link io.jkeepalived.vrrp.fsm.VrrpMachine} and the {@link DeadlineQueue}; one receiver
 * thread per raw socket and one link-monitor thread hand their input over through the loop's queue
 * (STYLE.md habit 6). Start, stop and dumps come from the daemon's thread.
 *
 * <p>Tracking: the instance's own interface (unless dont_track_primary); track_interface, track_script,
 * track_file and track_process through {@link Tracking}.
 * SIGHUP: {@link Reload}; use_vmac: {@link VmacLinks}; GARP/NA pacing: {@link GarpPacer}.
 * vrrp_sync_group: {@link SyncGroupRuntime}; virtual_routes/rules: {@link VirtualRouting}; static_ipaddress,
 * static_routes/rules: {@link StaticEntries}.
 * Not yet here (noted for later work): use_ipvlan, use_vmac_addr, track_bfd, notify scripts, a tracked
 * virtual route or rule deleted from outside (keepalived's set_vrrp_backup), deleted static rules restored.
 */
public final class VrrpRuntime {
    private static final Logger log = LoggerFactory.getLogger(VrrpRuntime.class);
    /**
     * Receive buffers and queue room: 256, plus two per instance, because every master on a peer advertises
     * in the same second and their adverts arrive as one burst (1,000 instances: a burst of 1,000 adverts,
     * which 256 buffers turned into drops, master-down timeouts and flapping; docs/BENCHMARKS.md, scale).
     * Buffers are made only when a burst needs them (PacketPool).
     */
    private static final int POOL = 256;
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long LINK_LOCAL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private VrrpConfig config;
    private GlobalDefs.Vrrp globals;
    private final RuntimeOptions options;
    private final NetPorts ports;
    private final NanoClock clock;
    private final PacketPool free;
    private final BlockingQueue<Object> inbox;
    private final DeadlineQueue timers = new DeadlineQueue();
    final Map<String, AdvertSocket> sockets = new LinkedHashMap<>();
    /** Replaced on reload while dumps read it from the daemon's thread. */
    final List<InstanceRuntime> instances = new CopyOnWriteArrayList<>();
    final List<InstanceRuntime> noSourceAddress = new ArrayList<>();
    final List<SyncGroupRuntime> groups = new ArrayList<>();
    private StaticEntries statics;
    private InstanceRuntime[] byTimer = new InstanceRuntime[16];
    private final Map<String, Link> links = new HashMap<>();
    private final Map<Integer, Boolean> linkUp = new HashMap<>();
    private final AdvertView dispatchView = new AdvertView();
    private final KernelEffects effects;
    private GarpPacer pacer;
    private final int pacerTimer = timers.newTimer();
    /** use_vmac's interfaces (loop thread; the daemon's thread once the loop has ended). */
    final VmacLinks vmacs;
    private final VrrpListener listener;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile RuntimeException startFailure;
    private Thread loop;
    private Thread linkThread;
    private LinkEvents linkEvents;
    private volatile boolean stopping;
    /** Start-up is over: instances built from now on come from a reload (loop thread only). */
    private boolean setUpDone;
    private final ScriptLauncher scripts;
    private Tracking tracking;

    /** The stop request the daemon's thread puts in the loop's queue. */
    private record StopRequest() {
    }

    /** SIGHUP's new configuration, applied on the loop thread. */
    private record ReloadRequest(VrrpConfig config, GlobalDefs.Vrrp globals, CountDownLatch done) {
    }

    public VrrpRuntime(VrrpConfig config, GlobalDefs.Vrrp globals, RuntimeOptions options, NetPorts ports,
            NanoClock clock) {
        this(config, globals, options, ports, clock, VrrpListener.NONE);
    }

    public VrrpRuntime(VrrpConfig config, GlobalDefs.Vrrp globals, RuntimeOptions options, NetPorts ports,
            NanoClock clock, VrrpListener listener) {
        this(config, globals, options, ports, clock, listener, ScriptLauncher.NONE);
    }

    /** {@code scripts} runs the vrrp_scripts that instances track. */
    public VrrpRuntime(VrrpConfig config, GlobalDefs.Vrrp globals, RuntimeOptions options, NetPorts ports,
            NanoClock clock, VrrpListener listener, ScriptLauncher scripts) {
        this.scripts = scripts;
        this.listener = listener;
        this.config = SyncGroupTracking.apply(config);
        this.globals = globals;
        this.options = options;
        this.ports = ports;
        this.clock = clock;
        this.effects = new KernelEffects(ports, links, options.logDetail());
        this.vmacs = new VmacLinks(ports.links(), ports.addresses(), VmacLinks.procSys(), options.logDetail());
        int buffers = POOL + 2 * config.instances().size();
        this.free = new PacketPool(buffers);
        this.inbox = new ArrayBlockingQueue<>(buffers + 64);
    }

    /** Opens the sockets, starts the threads and the instances; returns once the instances have started. */
    public void start() {
        loop = Thread.ofPlatform().name("vrrp-loop").start(this::run);
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (startFailure != null) throw startFailure;
    }

    /** SIGTERM: priority-0 adverts and VIPs removed (unless -V), then every thread and socket closed. */
    public void stop() {
        if (loop == null) return;
        stopping = true;
        inbox.offer(new StopRequest());
        try {
            if (!finished.await(10, TimeUnit.SECONDS)) log.info("VRRP event loop did not stop in time");
            loop.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (linkEvents != null) {
            linkEvents.wakeup();
            join(linkThread);
            linkEvents.close();
        }
        if (tracking != null) tracking.stop();
        for (AdvertSocket s : sockets.values()) s.close();
        // keepalived removes its VMACs at stop unless run with -V (vrrp_daemon.c vrrp_terminate_phase2)
        if (options.releaseVips()) vmacs.deleteAll();
        ports.close();
        loop = null;
    }

    /**
     * SIGHUP with a configuration that loaded: applied on the event loop (see {@link Reload}); returns
     * once the instances have been replaced.
     */
    public void reload(VrrpConfig newConfig, GlobalDefs.Vrrp newGlobals) {
        if (loop == null) return;
        ReloadRequest r = new ReloadRequest(newConfig, newGlobals, new CountDownLatch(1));
        try {
            inbox.put(r);
            if (!r.done().await(30, TimeUnit.SECONDS)) log.info("VRRP reload did not finish in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The configuration a reload brings in; the loop thread only. */
    void configure(VrrpConfig newConfig, GlobalDefs.Vrrp newGlobals) {
        config = SyncGroupTracking.apply(newConfig);
        globals = newGlobals;
    }

    VrrpConfig config() {
        return config;
    }

    VrrpListener listener() {
        return listener;
    }

    InstanceRuntime.Effects effects() {
        return effects;
    }

    /** Starts receiving on sockets opened since; the loop thread only. */
    void startReceivers() {
        for (AdvertSocket s : sockets.values()) {
            if (!s.receiving()) s.startReceiver(free, inbox, () -> LoopScheduling.applyToCurrentThread(options));
        }
    }

    /** The VRRP part of the SIGUSR2 stats file, keepalived's format; {@code clear} zeroes the counts after. */
    public String statsText(boolean clear) {
        StringBuilder out = new StringBuilder();
        for (InstanceRuntime i : List.copyOf(instances)) {
            StatsText.append(out, i.plan.name(), i.stats(), i.sent);
            if (clear) {
                i.sent.clear();
                i.stats().clearStats();
            }
        }
        return out.toString();
    }

    /** keepalived's JSON dump (SIGRTMIN+2): see {@link JsonText}; read outside the loop, as a snapshot. */
    public String jsonText() {
        List<JsonText.Entry> entries = new java.util.ArrayList<>();
        for (InstanceRuntime i : List.copyOf(instances)) {
            entries.add(new JsonText.Entry(i.plan, i.published.code(), i.lastTransitionMicros, i.machine.wantState().code(),
                    i.machine.effectivePriority(), i.stats(), i.sent));
        }
        return JsonText.of(entries);
    }

    /** Each instance's state, for the data dump. */
    public Map<String, String> states() {
        Map<String, String> out = new LinkedHashMap<>();
        for (InstanceRuntime i : List.copyOf(instances)) out.put(i.plan.name(), i.published.word());
        return out;
    }

    private void run() {
        LoopScheduling.applyToCurrentThread(options);
        try {
            setUp();
        } catch (RuntimeException e) {
            startFailure = e;
            started.countDown();
            finished.countDown();
            return;
        }
        started.countDown();
        try {
            loop();
        } catch (RuntimeException | Error e) {
            log.error("VRRP event loop failed", e);
        } finally {
            finished.countDown();
        }
    }

    // ---- set-up ----------------------------------------------------------------------------------------

    private void setUp() {
        refreshLinks();
        pace();
        Map<String, Integer> ifIndex = new HashMap<>();
        links.forEach((name, l) -> ifIndex.put(name, l.index()));
        statics = StaticEntries.of(config, ifIndex, ports);
        if (statics != null) statics.install(ifIndex);
        for (VrrpInstance v : config.instances()) build(v);
        for (AdvertSocket s : sockets.values()) {
            s.startReceiver(free, inbox, () -> LoopScheduling.applyToCurrentThread(options));
        }
        try {
            // keepalived's VRRP side watches routes when it has tracked ones (set_extra_netlink_monitoring)
            linkEvents = ports.linkEvents(statics != null && statics.tracksRoutes() && !instances.isEmpty());
            // a carrier that came up between the first listing and the subscription told nobody
            for (Link l : ports.links().links()) linkUp.put(l.index(), l.isRunning());
            linkThread = Thread.ofPlatform().daemon(true).name("vrrp-links").start(this::watchLinks);
        } catch (NetException e) {
            log.info("Cannot watch interface changes: {}", e.getMessage());
        }
        groups.addAll(SyncGroupRuntime.build(config.syncGroups(), instances, listener));
        Rehearsal.takeOvers(instances, Rehearsal.ROUNDS);
        long now = clock.nanoTime();
        long startupDelay = globals == null ? 0 : globals.startupDelayMicros() * 1_000;
        retrack(now);
        for (InstanceRuntime i : instances) prime(i, false, now);
        // every member's start-up faults are known before its group decides its own state
        for (SyncGroupRuntime g : groups) g.start(now);
        for (InstanceRuntime i : instances) {
            i.splitStart();
            i.handle(new VrrpEvent.Start(startupDelay), now);
        }
        for (InstanceRuntime i : instances) i.cleanUpAtStart(now);
        for (InstanceRuntime i : instances) i.finishStart(now);
        if (statics != null) statics.reportReflections();
        setUpDone = true;
        startScripts(now);
    }

    /**
     * The trackers for the instances now built (start-up, reload): files and /proc read once; scripts keep
     * their counts across a reload (vrrp.c: a script of the same name carries its result over).
     */
    void retrack(long now) {
        Tracking old = tracking;
        tracking = new Tracking(config, instances, timers, scripts, this::hand, this::isUp, options.logDetail(), old);
        if (old != null) old.stop();
        tracking.startTrackers(now);
    }

    /** Scripts start once the instances have (vrrp_register_workers: vrrp_init_state, then vrrp_init_script). */
    void startScripts(long now) {
        tracking.startScripts(now);
    }

    /** A tracker's thread hands a result over; it waits for room rather than lose one, unless stopping. */
    private void hand(TrackerMessage m) {
        try {
            while (!stopping && !inbox.offer(m, 100, TimeUnit.MILLISECONDS)) {
                // the loop is busy: keep trying
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A reload's static addresses, routes and rules; the loop thread only. */
    void reloadStatics() {
        Map<String, Integer> ifIndex = new HashMap<>();
        links.forEach((name, l) -> ifIndex.put(name, l.index()));
        statics = StaticEntries.reload(statics, config, ifIndex, ports, options.logDetail());
    }

    /** vrrp_garp_interval / vrrp_gna_interval / garp_group as configured now (start-up, reload). */
    void pace() {
        pacer = new GarpPacer(globals == null ? 0 : globals.garpIntervalMicros(),
                globals == null ? 0 : globals.gnaIntervalMicros(), config.garpGroups(), effects::baseOf,
                instances::indexOf);
        timers.cancel(pacerTimer);
        effects.pace(pacer, wake -> {
            if (!timers.isArmed(pacerTimer) || timers.deadline(pacerTimer) > wake) timers.schedule(pacerTimer, wake);
        });
    }

    /** The interfaces as the kernel has them now (start-up, reload). */
    void refreshLinks() {
        for (Link l : ports.links().links()) {
            links.put(l.name(), l);
            linkUp.putIfAbsent(l.index(), l.isRunning());
        }
    }

    /** Makes the runtime of one configured instance, or logs why it cannot run; null then. */
    InstanceRuntime build(VrrpInstance v) {
        Link link = v.interfaceName() == null ? null : links.get(v.interfaceName());
        if (link == null) {
            log.info("({}) interface {} not found - instance not started", v.name(), v.interfaceName());
            return null;
        }
        // vrrp.c vrrp_complete_instance: RFC 5798 §5.2.9 wants a link-local first; strict mode made it a config error
        if (v.ipv6() && !v.strict() && v.unicastPeers().isEmpty() && !v.vips().isEmpty()
                && !v.vips().getFirst().address().isLinkLocalAddress()) {
            log.info("({}) the first IPv6 VIP address should be link local", v.name());
        }
        // use_vmac: VIPs and GARPs on the VMAC; adverts too unless vmac_xmit_base (vrrp_vmac.c)
        String advertDev = v.interfaceName();
        boolean freshVmac = false;
        String vipDev = v.interfaceName();
        if (v.vmac() != null && v.vmac().ipvlan()) {
            log.info("({}) use_ipvlan is not supported yet: running on {}", v.name(), link.name());
        } else if (v.vmac() != null) {
            Link vmac = vmacs.ensure(v, link, globals == null ? null : globals.vmacPrefix(),
                    v.ipv6() ? linkLocal(link.index()) : null);
            if (vmac != null) {
                freshVmac = !links.containsKey(vmac.name());
                links.put(vmac.name(), vmac);
                vipDev = vmac.name();
                if (!v.vmacXmitBase()) advertDev = vmac.name();
            }
        }
        Set<InetAddress> allVips = new HashSet<>();
        for (VrrpInstance o : config.instances()) {
            for (VirtualIp vip : o.vips()) allVips.add(vip.address());
        }
        IpFamily family = v.ipv6() ? IpFamily.IPV6 : IpFamily.IPV4;
        InetAddress own = family == IpFamily.IPV4 ? primaryIpv4(link.index(), allVips) : linkLocal(link.index());
        boolean noSource = v.srcIp() == null && own == null;
        // keepalived keeps such an instance in FAULT (vrrp_track.c); the wildcard only fills the codec's field
        InstancePlan plan = InstancePlan.of(v, globals, noSource ? wildcard(family) : own, options.logDetail());
        AdvertSocket socket = socket(plan, advertDev);
        if (socket.byVrid[v.vrid()] != null) {
            log.info("({}) VRID {} already used by {} on {} - instance not started", v.name(), v.vrid(),
                    socket.byVrid[v.vrid()].plan.name(), link.name());
            return null;
        }
        Map<String, Integer> ifIndex = new HashMap<>();
        links.forEach((name, l) -> ifIndex.put(name, l.index()));
        VirtualAddresses vips = VirtualAddresses.of(v.name(), vipDev, v.vips(), ifIndex);
        InstanceRuntime inst = new InstanceRuntime(plan, socket, timers, vips, effects, listener);
        inst.skipStartupCleanup = freshVmac || setUpDone;
        socket.byVrid[v.vrid()] = inst;
        instances.add(inst);
        if (noSource) noSourceAddress.add(inst);
        register(inst.machineTimer, inst);
        register(inst.garpTimer, inst);
        return inst;
    }

    /**
     * Feeds a new instance what its interfaces and trackers say before it leaves INIT. {@code quiet}: it
     * was in FAULT before a reload, so the causes are not logged again.
     */
    void prime(InstanceRuntime i, boolean quiet, long now) {
        // keepalived logs the interface lines before the missing-address line (vrrp_track.c)
        if (!i.plan.instance().dontTrackPrimary() && !isUp(i.plan.interfaceName())) {
            if (!quiet) {
                log.info("({}): entering FAULT state (interface {} down)", i.plan.name(), i.plan.interfaceName());
            }
            i.handle(VrrpEvent.INTERFACE_DOWN, now);
        }
        String noSource = !noSourceAddress.contains(i) ? null : "(" + i.plan.name()
                + ") entering FAULT state (no IPv" + (i.plan.family() == IpFamily.IPV4 ? 4 : 6)
                + " address for interface)";
        tracking.initialise(i, noSource, quiet, now);
    }

    /**
     * keepalived's sock_t (vrrp_scheduler.c already_exist_sock): one socket per interface, family, protocol
     * and multicast group, so instances with their own mcast_dst_ip each join and hear only their group
     * (the socket has IP_MULTICAST_ALL off); unicast instances share one that joins none.
     */
    AdvertSocket socket(InstancePlan plan, String dev) {
        InetAddress group = plan.spec().unicast() ? null : plan.destinations().getFirst();
        String key = dev + "/" + plan.family() + "/" + plan.protocol() + "/"
                + (group == null ? "unicast" : group.getHostAddress());
        AdvertSocket s = sockets.get(key);
        if (s == null) {
            IpRawChannel ch = ports.openAdvertSocket(plan.family(), plan.protocol(), dev, group,
                    plan.family() == IpFamily.IPV6 ? plan.source() : null);
            s = new AdvertSocket(dev, plan.family(), plan.protocol(), ch);
            sockets.put(key, s);
        }
        return s;
    }

    private void register(int timerId, InstanceRuntime inst) {
        if (timerId >= byTimer.length) byTimer = java.util.Arrays.copyOf(byTimer, Math.max(timerId + 1, byTimer.length * 2));
        byTimer[timerId] = inst;
    }

    private static InetAddress wildcard(IpFamily family) {
        try {
            return InetAddress.getByAddress(new byte[family.addressLength()]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** keepalived's default IPv4 source: the interface's primary address (not one of our VIPs). */
    private InetAddress primaryIpv4(int index, Set<InetAddress> vips) {
        for (InterfaceAddress a : ports.addresses().addresses(io.jkeepalived.net.IpFamily.IPV4)) {
            if (a.ifIndex() == index && !vips.contains(a.address())) return a.address();
        }
        return null;
    }

    /** The IPv6 source: the interface's link-local, once duplicate address detection has let it go. */
    private InetAddress linkLocal(int index) {
        long deadline = clock.nanoTime() + LINK_LOCAL_WAIT_NANOS;
        InetAddress tentative = null;
        while (true) {
            for (InterfaceAddress a : ports.addresses().addresses(io.jkeepalived.net.IpFamily.IPV6)) {
                if (a.ifIndex() == index && a.address().isLinkLocalAddress()) {
                    if ((a.flags() & 0x40) == 0) return a.address(); // IFA_F_TENTATIVE
                    tentative = a.address();
                }
            }
            if (clock.nanoTime() > deadline) return tentative;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return tentative;
            }
        }
    }

    // ---- the loop --------------------------------------------------------------------------------------

    private void loop() throws RuntimeException {
        DeadlineQueue.ExpiryHandler expiry = (id, now) -> {
            if (id == pacerTimer) {
                long wake = pacer.run(now, InstanceRuntime::sendQueuedGarp);
                if (wake != GarpPacer.NO_WAKE) timers.schedule(pacerTimer, wake);
                return;
            }
            InstanceRuntime i = id < byTimer.length ? byTimer[id] : null;
            if (i != null) {
                i.timerExpired(id, now);
            } else {
                tracking.timerExpired(id, now);
            }
        };
        while (true) {
            long now = clock.nanoTime();
            timers.poll(now, expiry, 1_024);
            long next = timers.nextDeadline();
            Object msg;
            try {
                long wait = next == DeadlineQueue.NO_DEADLINE ? MAX_WAIT_NANOS
                        : Math.min(MAX_WAIT_NANOS, next - clock.nanoTime());
                msg = wait <= 0 ? inbox.poll() : inbox.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                msg = new StopRequest();
            }
            if (msg == null) continue;
            now = clock.nanoTime();
            switch (msg) {
                case InboundPacket p -> {
                    dispatch(p, now);
                    p.socket = null;
                    free.offer(p);
                }
                case NetEvent e -> linkEvent(e, now);
                case TrackerMessage m -> tracking.receive(m, now);
                case ReloadRequest r -> {
                    try {
                        new Reload(this).apply(r.config(), r.globals(), now);
                    } finally {
                        r.done().countDown();
                    }
                }
                case StopRequest r -> {
                    shutdown(now);
                    return;
                }
                default -> { }
            }
        }
    }

    private void dispatch(InboundPacket p, long now) {
        AdvertSocket s = p.socket;
        if (dispatchView.wrap(p.buffer, 0, p.length, s.family) != Verdict.ACCEPT) return;
        InstanceRuntime i = s.byVrid[dispatchView.vrid()];
        if (i != null) i.receive(p, now);
    }

    private void shutdown(long now) {
        VrrpEvent.Shutdown event = new VrrpEvent.Shutdown(options.releaseVips());
        for (InstanceRuntime i : instances) i.handle(event, now);
        // vrrp_notify.c notify_shutdown: every instance's STOP, then every sync group's
        for (SyncGroupRuntime g : groups) g.stopped();
        if (statics != null) statics.remove();
    }

    private void linkEvent(NetEvent e, long now) {
        if (e instanceof NetEvent.RouteChanged rc) {
            if (statics != null) statics.routeDeleted(rc.route());
            return;
        }
        if (e instanceof NetEvent.Overrun) {
            for (Link l : ports.links().links()) linkEvent(new NetEvent.LinkChanged(l, false), now);
            return;
        }
        if (!(e instanceof NetEvent.LinkChanged(Link link, boolean removed))) return;
        boolean up = !removed && link.isRunning();
        if (!removed) links.put(link.name(), link);
        Boolean was = linkUp.put(link.index(), up);
        if (was == null || was == up) return;
        boolean ours = false;
        for (InstanceRuntime i : instances) {
            ours |= link.name().equals(i.plan.interfaceName()) || tracking.tracksInterface(link.name());
        }
        if (!ours) return;
        if (options.logDetail()) log.info("Netlink reports {} {}", link.name(), up ? "up" : "down");
        for (InstanceRuntime i : instances) {
            if (link.name().equals(i.plan.interfaceName()) && !i.plan.instance().dontTrackPrimary()) {
                i.handle(up ? VrrpEvent.INTERFACE_UP : VrrpEvent.INTERFACE_DOWN, now);
            }
        }
        tracking.interfaceChanged(link.name(), now);
    }

    /** keepalived's IF_FLAGS_UP: administratively up and running; unknown interfaces are down. */
    private boolean isUp(String ifName) {
        Link l = links.get(ifName);
        return l != null && linkUp.getOrDefault(l.index(), false);
    }

    private void watchLinks() {
        while (!stopping) {
            int n;
            try {
                n = linkEvents.poll(ev -> {
                    if (ev instanceof NetEvent.LinkChanged || ev instanceof NetEvent.Overrun
                            || ev instanceof NetEvent.RouteChanged rc && rc.removed()) {
                        inbox.offer(ev);
                    }
                }, -1);
            } catch (NetException ex) {
                if (!stopping) log.info("Link monitor: {}", ex.getMessage());
                return;
            }
            if (n == LinkEvents.WOKEN) return;
        }
    }

    private static void join(Thread t) {
        if (t == null) return;
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
