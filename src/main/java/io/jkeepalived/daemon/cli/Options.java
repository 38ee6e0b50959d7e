package io.jkeepalived.daemon.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the command line asked for: the options given (the last value of each wins, as in keepalived) and
 * the few settings keepalived derives while parsing. Defaults are keepalived 2.2.7's (Debian build).
 *
 * @param given       every option seen
 * @param values      the last value of each option that had one
 * @param logDetail   how many times {@code -D} was given (a second one is keepalived's extra detail)
 * @param facility    the syslog facility code (LOG_DAEMON unless {@code -S})
 * @param umask       the {@code -u} mask, or null
 * @param nonOptions  words that were not options (keepalived warns and ignores them)
 */
public record Options(Set<Opt> given, Map<Opt, String> values, int logDetail, int facility, Integer umask,
                      List<String> nonOptions) {

    public static final String DEFAULT_CONFIG = "/etc/keepalived/keepalived.conf";
    /**
     * keepalived 2.2.7's pid files (keepalived/include/pidfile.h; measured: Debian's writes /run/vrrp.pid,
     * not the /run/keepalived_vrrp.pid older documents name). In a network namespace they move to
     * {@link #PID_DIR} (use_pid_dir).
     */
    public static final String DEFAULT_PID = "/run/keepalived.pid";
    public static final String DEFAULT_VRRP_PID = "/run/vrrp.pid";
    public static final String DEFAULT_CHECKERS_PID = "/run/checkers.pid";
    public static final String PID_DIR = "/run/keepalived/";
    public static final String DEFAULT_LOG_FILE = "/tmp/keepalived.log";
    /** syslog(3) LOG_DAEMON, keepalived's default facility. */
    public static final int LOG_DAEMON = 3;

    public Options {
        given = Collections.unmodifiableSet(given.isEmpty() ? EnumSet.noneOf(Opt.class) : EnumSet.copyOf(given));
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Opt.class) : new EnumMap<>(values));
        nonOptions = List.copyOf(nonOptions);
    }

    public static Options defaults() {
        return new Options(Set.of(), Map.of(), 0, LOG_DAEMON, null, List.of());
    }

    public boolean has(Opt o) {
        return given.contains(o);
    }

    public String value(Opt o) {
        return values.get(o);
    }

    private String valueOr(Opt o, String dflt) {
        String v = values.get(o);
        return v == null ? dflt : v;
    }

    public Path configFile() {
        return Path.of(valueOr(Opt.USE_FILE, DEFAULT_CONFIG));
    }

    public Path pidFile() {
        return Path.of(valueOr(Opt.PID, usePidDir() ? PID_DIR + "keepalived.pid" : DEFAULT_PID));
    }

    public Path vrrpPidFile() {
        return Path.of(valueOr(Opt.VRRP_PID, usePidDir() ? PID_DIR + "vrrp.pid" : DEFAULT_VRRP_PID));
    }

    public Path checkersPidFile() {
        return Path.of(valueOr(Opt.CHECKERS_PID, usePidDir() ? PID_DIR + "checkers.pid" : DEFAULT_CHECKERS_PID));
    }

    /** keepalived keeps the pid files of a daemon in a network namespace under /run/keepalived/. */
    public boolean usePidDir() {
        return has(Opt.NAMESPACE);
    }

    /** {@code -s NAME}, or null. */
    public String namespace() {
        return values.get(Opt.NAMESPACE);
    }

    public boolean configTest() {
        return has(Opt.CONFIG_TEST);
    }

    /** The {@code -t=FILE} file messages go to, or null for stderr. */
    public String configTestLog() {
        String v = values.get(Opt.CONFIG_TEST);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The {@code -g} file, or null when not logging to a file. */
    public Path logFile() {
        if (!has(Opt.LOG_FILE)) return null;
        String v = values.get(Opt.LOG_FILE);
        return Path.of(v == null || v.isEmpty() ? DEFAULT_LOG_FILE : v);
    }

    public String configId() {
        return values.get(Opt.CONFIG_ID);
    }

    public boolean dontFork() {
        return has(Opt.DONT_FORK);
    }

    /** keepalived logs to the console only when it also stays in the foreground (lib/logger.c). */
    public boolean consoleLog() {
        return has(Opt.LOG_CONSOLE) && dontFork();
    }

    public boolean syslog() {
        return !has(Opt.NO_SYSLOG);
    }

    /** -P: no checkers; -C: no VRRP; --all brings both back. */
    public boolean runVrrp() {
        return has(Opt.ALL) || !has(Opt.CHECK);
    }

    public boolean runCheckers() {
        return has(Opt.ALL) || !has(Opt.VRRP);
    }
}
