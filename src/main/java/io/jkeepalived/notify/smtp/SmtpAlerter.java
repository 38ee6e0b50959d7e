package io.jkeepalived.notify.smtp;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.SyncGroup;
import io.jkeepalived.config.model.VrrpInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * keepalived's rules for which transitions are mailed (vrrp/vrrp_notify.c), in front of the {@link AlertQueue}:
 * an instance or group mails when its smtp_alert is on (its own keyword, else global smtp_alert_vrrp, else
 * smtp_alert, else off); a FAULT is not mailed under no_email_faults; a state already mailed for that instance
 * or group is not mailed again.
 */
public final class SmtpAlerter implements SmtpAlerts {
    /** Room for the alerts of a burst of transitions; more than that while the server is slow are dropped. */
    static final int QUEUE_CAPACITY = 64;
    /** At shutdown, how long the STOP alerts may take before the daemon goes on without them. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final SmtpSettings settings;
    private final Set<String> instances;
    private final Set<String> groups;
    private final boolean noEmailFaults;
    private final Map<String, AlertState> lastMailed = new ConcurrentHashMap<>();
    private final AlertQueue queue;

    SmtpAlerter(SmtpSettings settings, Set<String> instances, Set<String> groups, boolean noEmailFaults,
                Predicate<SmtpAlert> sender, Consumer<String> log, int capacity) {
        this.settings = settings;
        this.instances = Set.copyOf(instances);
        this.groups = Set.copyOf(groups);
        this.noEmailFaults = noEmailFaults;
        this.queue = new AlertQueue(capacity, sender, log);
    }

    /**
     * The alerts of {@code config}, or {@link SmtpAlerts#NONE} when it sends no mail. {@code log} receives
     * keepalived's SMTP log lines (from the sender thread); {@code logDetail} is {@code -D}.
     */
    public static SmtpAlerts of(KeepalivedConfig config, boolean logDetail, Consumer<String> log) {
        return of(config, logDetail, log, settings -> {
            SmtpSession session = new SmtpSession(settings, log, Clock.systemDefaultZone());
            Duration overall = overallDeadline(settings.connectTimeout());
            return a -> session.send(a, overall);
        });
    }

    /** As above with the sender made by {@code senders} (tests put a recorder there). */
    static SmtpAlerts of(KeepalivedConfig config, boolean logDetail, Consumer<String> log,
                         java.util.function.Function<SmtpSettings, Predicate<SmtpAlert>> senders) {
        Optional<SmtpSettings> s = SmtpSettings.of(config.globalDefs(), logDetail);
        if (s.isEmpty()) return NONE;
        GlobalDefs.Smtp g = config.globalDefs().smtp();
        Map<String, Boolean> inst = new HashMap<>();
        for (VrrpInstance v : config.vrrp().instances()) inst.put(v.name(), enabled(v.smtpAlert(), g));
        Map<String, Boolean> grp = new HashMap<>();
        for (SyncGroup sg : config.vrrp().syncGroups()) grp.put(sg.name(), enabled(sg.smtpAlert(), g));
        return new SmtpAlerter(s.get(), on(inst), on(grp), g.noEmailFaults(), senders.apply(s.get()), log,
                QUEUE_CAPACITY);
    }

    /**
     * vrrp.c: an instance's or group's smtp_alert, else global smtp_alert_vrrp, else smtp_alert, else off.
     * (Checkers use smtp_alert_checker the same way; real servers default to on, virtual servers to off.)
     */
    static boolean enabled(Boolean own, GlobalDefs.Smtp g) {
        if (own != null) return own;
        if (g.alertVrrp() != null) return g.alertVrrp();
        return g.alert() != null && g.alert();
    }

    /**
     * One alert's whole session: the connection and each reply may take smtp_connect_timeout (keepalived's
     * only bound), and a silent server gets a second one for QUIT; beyond four of them the sender gives up.
     */
    static Duration overallDeadline(Duration connectTimeout) {
        return connectTimeout.multipliedBy(4);
    }

    private static Set<String> on(Map<String, Boolean> m) {
        Set<String> s = new java.util.HashSet<>();
        m.forEach((k, v) -> {
            if (v) s.add(k);
        });
        return s;
    }

    @Override
    public void instanceEntered(String instance, AlertState state) {
        if (!instances.contains(instance) || !wanted("i:" + instance, state)) return;
        queue.offer(SmtpAlert.instance(settings.routerId(), instance, state));
    }

    @Override
    public void groupEntered(String group, AlertState state) {
        if (!groups.contains(group)) return;
        Optional<SmtpAlert> a = SmtpAlert.group(settings.routerId(), group, state);
        if (a.isEmpty() || !wanted("g:" + group, state)) return;
        queue.offer(a.get());
    }

    @Override
    public void realServerChanged(String realServer, String virtualServer, boolean up, String body) {
        queue.offer(SmtpAlert.realServer(settings.routerId(), realServer, virtualServer, up, body));
    }

    @Override
    public void virtualServerChanged(String virtualServer, boolean up, String body) {
        queue.offer(SmtpAlert.virtualServer(settings.routerId(), virtualServer, up, body));
    }

    // no_email_faults, and last_email_state: a state is mailed once until another one has been
    private boolean wanted(String key, AlertState state) {
        if (noEmailFaults && state == AlertState.FAULT) return false;
        return lastMailed.put(key, state) != state;
    }

    /** Alerts dropped because the queue was full. */
    public long dropped() {
        return queue.dropped();
    }

    @Override
    public void close() {
        queue.close(CLOSE_GRACE);
    }
}
