package io.jkeepalived.daemon;

import io.jkeepalived.check.CheckScripts;
import io.jkeepalived.check.CheckerRuntime;
import io.jkeepalived.check.IpvsTable;
import io.jkeepalived.check.LoggedLvsEvents;
import io.jkeepalived.check.LvsEvents;
import io.jkeepalived.check.NetworkProbes;
import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.notify.NotifyFifo;
import io.jkeepalived.time.NanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's checker half (keepalived's healthcheck child): runs the health checkers when the
 * configuration has virtual servers and -P was not given. Where the kernel has no IPVS, keepalived 2.2.7
 * stops altogether; jkeepalived says so in one line and keeps the checkers (and VRRP) running.
 */
final class CheckerPart {
    private static final Logger log = LoggerFactory.getLogger(CheckerPart.class);
    private CheckerRuntime runtime;
    private boolean keepTable;
    private CheckScripts scripts;
    private volatile NotifyFifo fifo;
    private RuntimeFlags flags;
    private java.util.function.UnaryOperator<LvsEvents> events = java.util.function.UnaryOperator.identity();

    void start(KeepalivedConfig config, RuntimeFlags flags) {
        start(config, flags, java.util.function.UnaryOperator.identity());
    }

    /** {@code events} wraps the checkers' events (the daemon adds the e-mail alerts there). */
    void start(KeepalivedConfig config, RuntimeFlags flags, java.util.function.UnaryOperator<LvsEvents> events) {
        this.flags = flags;
        this.events = events;
        if (!flags.runCheckers() || config.lvs().virtualServers().isEmpty()) return;
        keepTable = flags.dontReleaseIpvs();
        log.debug("Initializing ipvs");
        if (!Files.exists(Path.of("/proc/net/ip_vs"))) {
            log.info("IPVS: Can't initialize ipvs: No such file or directory - health checkers keep running without IPVS");
        } else {
            log.info("IPVS: the IPVS client is not implemented yet - health checkers run, the IPVS table is left alone");
        }
        scripts = new CheckScripts(config.globalDefs().scripts());
        fifo = openLvsFifo(config, scripts);
        runtime = new CheckerRuntime(config.lvs(), config.globalDefs().lvs(), config.vrrp().trackFiles(),
                events.apply(new LoggedLvsEvents(scripts, this::fifoLine)), new NetworkProbes(scripts),
                NanoClock.system());
        for (String k : runtime.scheduler().unsupported()) log.info("{} is not implemented yet - checker ignored", k);
        runtime.start();
    }

    /**
     * SIGHUP: the new configuration's checkers start, taking over the states of the servers both configurations
     * have; servers and virtual servers that are gone are removed (keepalived's reload of its checker child).
     */
    void reload(KeepalivedConfig config) {
        if (flags == null) return;
        if (runtime == null) {
            start(config, flags, events);
            return;
        }
        CheckScripts newScripts = new CheckScripts(config.globalDefs().scripts());
        CheckerRuntime next = new CheckerRuntime(config.lvs(), config.globalDefs().lvs(), config.vrrp().trackFiles(),
                events.apply(new LoggedLvsEvents(newScripts, this::fifoLine)), new NetworkProbes(newScripts),
                NanoClock.system());
        for (String k : next.scheduler().unsupported()) log.info("{} is not implemented yet - checker ignored", k);
        next.start(runtime);
        CheckScripts old = scripts;
        scripts = newScripts;
        runtime = next;
        // the old runner lets the scripts it started (a removed server's notify_down) finish on their own
        Thread.ofVirtual().name("check-scripts-retired").start(old::retire);
    }

    /**
     * lvs_notify_fifo, opened by the checker side as keepalived's checker process does (with its script). The
     * global notify_fifo is the VRRP side's; its RS/VS lines are not written yet.
     */
    private static NotifyFifo openLvsFifo(KeepalivedConfig config, CheckScripts scripts) {
        GlobalDefs.Fifo f = config.globalDefs().fifos().lvs();
        if (f == null || f.path() == null) return null;
        return NotifyFifo.open(f.path(), scripts.runAs(f.user(), f.group()), scripts.prepared(f.script()), "lvs_",
                scripts.runner(), scripts.daemon());
    }

    private void fifoLine(String line) {
        NotifyFifo f = fifo;
        if (f != null) f.write(line);
    }

    void stop() {
        if (runtime != null) runtime.stop(keepTable);
        runtime = null;
        if (fifo != null) fifo.close();
        fifo = null;
        if (scripts != null) scripts.close();
        scripts = null;
    }

    /** The checker part of /tmp/keepalived.data: the table the checkers want. */
    String data() {
        if (runtime == null) return "";
        StringBuilder sb = new StringBuilder("------< LVS Topology >------\n");
        for (IpvsTable.Service s : runtime.desired().services()) {
            sb.append(" VS = ").append(s.virtualServer().label()).append('\n');
            for (IpvsTable.Dest d : s.dests()) {
                sb.append("   RS = ").append(d.address()).append(", weight ").append(d.weight()).append('\n');
            }
        }
        return sb.toString();
    }
}
