package io.jkeepalived.daemon;

import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.notify.Notifier;
import io.jkeepalived.notify.NotifyCommands;
import io.jkeepalived.notify.NotifySetup;
import io.jkeepalived.notify.smtp.SmtpAlerter;
import io.jkeepalived.notify.smtp.SmtpAlerts;
import io.jkeepalived.script.ScriptRunner;
import io.jkeepalived.time.NanoClock;
import io.jkeepalived.vrrp.runtime.NetPorts;
import io.jkeepalived.vrrp.runtime.RunnerScriptLauncher;
import io.jkeepalived.vrrp.runtime.RuntimeOptions;
import io.jkeepalived.vrrp.runtime.VrrpRuntime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The daemon's runtime when the configuration has VRRP instances: the VRRP half is {@link VrrpRuntime}
 * (keepalived's VRRP child); the checkers are {@link CheckerPart} (no IPVS client yet). A reload hands the new
 * configuration to the running VRRP side, which keeps, drops and adds instances as keepalived does.
 */
final class VrrpLifecycle implements Lifecycle {
    private final IdleLifecycle rest = new IdleLifecycle();
    private final CheckerPart checkers = new CheckerPart();
    private VrrpRuntime vrrp;
    private final SmtpVrrpListener smtp = new SmtpVrrpListener(SmtpAlerts.NONE);
    private ScriptRunner scripts;
    private Notifier notifier;
    private Instant started;
    private RuntimeFlags flags;

    @Override
    public void start(KeepalivedConfig config, RuntimeFlags flags) {
        rest.start(config, flags);
        this.flags = flags;
        started = Instant.now();
        // one mail sender for both halves (keepalived's VRRP and checker children each send their own)
        smtp.swap(smtpAlerts(config)).close();
        checkers.start(config, flags, events -> new SmtpLvsEvents(events, smtp::current));
        startVrrp(config);
    }

    private void startVrrp(KeepalivedConfig config) {
        var v = config.vrrp();
        // static addresses, routes and rules alone keep keepalived's VRRP child running too
        boolean statics = !v.staticAddresses().isEmpty() || !v.staticRoutes().isEmpty() || !v.staticRules().isEmpty();
        if (flags.runVrrp() && (!v.instances().isEmpty() || statics)) {
            // keepalived's scripts run in "/" once it has daemonised and see its environment, not our launcher's
            scripts = new ScriptRunner(io.jkeepalived.script.ScriptIdentity.self(),
                    Detach.isDetachedCopy() ? java.nio.file.Path.of("/") : null,
                    java.util.Set.of(Detach.MARKER, Relaunch.NETNS_MARKER, "JKEEPALIVED_ARGV0"));
            // the config check has already said "SECURITY VIOLATION ..." for these scripts, as keepalived does
            notifier = NotifySetup.forConfig(config).build(config, scripts, NotifyCommands.DEFAULT_TIMEOUT);
            // keepalived's order: notify scripts, FIFO, then the e-mail (vrrp_notify.c send_instance_notifies)
            vrrp = new VrrpRuntime(config.vrrp(), config.globalDefs().vrrp(),
                    new RuntimeOptions(!flags.dontReleaseVrrp(), flags.logDetail() > 0,
                            otherInt(config, "vrrp_priority"), otherInt(config, "vrrp_rt_priority")),
                    NetPorts.linux(), NanoClock.system(), new NotifyListener(notifier, smtp),
                    RunnerScriptLauncher.over(scripts, config.globalDefs().scripts()));
            try {
                vrrp.start();
            } catch (RuntimeException e) {
                // keepalived's VRRP child would exit; here the daemon stays up and says why VRRP did not start
                org.slf4j.LoggerFactory.getLogger(VrrpLifecycle.class).error("VRRP failed to start: {}", e.toString());
                vrrp.stop();
                vrrp = null;
                stopNotify();
            }
        }
    }

    /** E-mail alerts of {@code config} (smtp_alert); they log from their own thread in keepalived's words. */
    private SmtpAlerts smtpAlerts(KeepalivedConfig config) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SmtpAlerter.class);
        return SmtpAlerter.of(config, flags.logDetail() > 0, log::info);
    }

    @Override
    public void reload(KeepalivedConfig config) {
        rest.reload(config);
        // the new global_defs' mail settings apply from the reload on; the old sender finishes on its own
        SmtpAlerts old = smtp.swap(smtpAlerts(config));
        Thread.ofVirtual().name("smtp-alerts-retired").start(old::close);
        checkers.reload(config);
        if (vrrp != null) {
            // the new scripts first: the reload's own transitions (a deleted instance, a new one) use them
            if (notifier != null) {
                NotifySetup setup = NotifySetup.forConfig(config);
                ScriptRunner runner = scripts;
                notifier.reload(setup.scripts(config), () -> setup.fifos(config, runner));
            }
            vrrp.reload(config.vrrp(), config.globalDefs().vrrp());
        } else if (flags != null) {
            startVrrp(config);
        }
    }

    @Override
    public void stop() {
        // keepalived terminates its tracked scripts (the FIFO scripts) before the STOP notifies
        if (notifier != null) notifier.shuttingDown();
        if (vrrp != null) vrrp.stop();
        vrrp = null;
        stopNotify();
        checkers.stop();
        // after the instances' STOP transitions, which it may still mail for a moment
        smtp.swap(SmtpAlerts.NONE).close();
        rest.stop();
    }

    /**
     * keepalived's VRRP child waits for its notify_stop scripts (1 s each, then killed) before it exits, then
     * closes its FIFOs and stops any script left with SIGTERM, SIGKILL a second later.
     */
    private void stopNotify() {
        if (notifier != null) {
            notifier.awaitStopScripts(NotifyCommands.STOP_TIMEOUT.plusSeconds(1));
            notifier.close();
            notifier = null;
        }
        if (scripts != null) {
            scripts.close(java.time.Duration.ofSeconds(1));
            scripts = null;
        }
    }

    @Override
    public String data() {
        StringBuilder sb = new StringBuilder(rest.data());
        sb.append(checkers.data());
        if (vrrp != null) {
            for (Map.Entry<String, String> e : vrrp.states().entrySet()) {
                sb.append(" VRRP Instance = ").append(e.getKey()).append('\n')
                        .append("   State = ").append(e.getValue()).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String stats() {
        if (vrrp != null) signalLine("Printing VRRP stats for process({}) on signal");
        return rest.stats() + (vrrp == null ? "" : vrrp.statsText(false));
    }

    @Override
    public String clearStats() {
        if (vrrp != null) signalLine("Printing and clearing VRRP stats for process({}) on signal");
        return rest.stats() + (vrrp == null ? "" : vrrp.statsText(true));
    }

    @Override
    public String json() {
        if (vrrp == null) return rest.json();
        signalLine("Printing VRRP as json for process({}) on signal");
        return vrrp.jsonText();
    }

    /** The VRRP process's line for a dump signal (vrrp_daemon.c sigusr2_vrrp, sigjson_vrrp). */
    private static void signalLine(String format) {
        org.slf4j.LoggerFactory.getLogger(VrrpLifecycle.class).info(format, ProcessHandle.current().pid());
    }

    /** A numeric global_defs setting the parser kept as words (vrrp_priority, vrrp_rt_priority), 0 when absent. */
    private static int otherInt(KeepalivedConfig config, String keyword) {
        List<String> words = config.globalDefs().other().get(keyword);
        if (words == null || words.isEmpty()) return 0;
        try {
            return Integer.parseInt(words.getFirst());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
