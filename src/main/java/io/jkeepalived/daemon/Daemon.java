package io.jkeepalived.daemon;

import io.jkeepalived.config.ConfigDump;
import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.model.VrrpConfig;
import io.jkeepalived.daemon.cli.Cli;
import io.jkeepalived.daemon.cli.Opt;
import io.jkeepalived.daemon.cli.Options;
import io.jkeepalived.daemon.cli.VersionText;
import io.jkeepalived.daemon.log.LogSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The foreground daemon, keepalived_main's order: logging, start lines, configuration, "already running",
 * pid files, then the runtime until a signal stops it. Exit statuses are keepalived 2.2.7's (reference
 * §4.2): 0 stopped (or already running), 2 a configuration keepalived cannot run, 6 no configuration file.
 */
final class Daemon {
    static final int EXIT_OK = 0;
    static final int EXIT_CONFIG = 2;
    static final int EXIT_NO_CONFIG = 6;

    private final Options opts;
    private final String argv0;
    private final String[] argv;
    private final Lifecycle runtime;
    private final Path tmpDir;
    private final long pid = ProcessHandle.current().pid();
    private Logger log;
    private final List<Path> pidFiles = new ArrayList<>();

    Daemon(Options opts, String argv0, String[] argv, Lifecycle runtime) {
        this.opts = opts;
        this.argv0 = argv0;
        this.argv = argv;
        this.runtime = runtime;
        String t = System.getenv("TMPDIR");
        this.tmpDir = Path.of(t == null || t.isEmpty() ? "/tmp" : t);
    }

    int run() {
        String problem = new LogSetup(opts.consoleLog(), opts.syslog(), opts.facility(), opts.logFile(),
                opts.has(Opt.FLUSH_LOG_FILE), opts.logDetail() > 0, LogSetup.DEV_LOG,
                opts.has(Opt.LOG_CONSOLE)).apply();
        if (opts.logFile() != null) applyUmask(opts.logFile());
        log = LoggerFactory.getLogger(Daemon.class);
        try {
            return runLogged(problem);
        } finally {
            LogSetup.shutdown();
        }
    }

    private int runLogged(String logProblem) {
        log.info("Starting {}", VersionText.VERSION_STRING);
        if (logProblem != null) log.info(logProblem);
        log.info("Running on {} (Java {})", VersionText.uname(), System.getProperty("java.version"));
        CommandLineLog.lines(argv0, argv).forEach(log::info);
        Cli.ignoredNotes(opts).forEach(log::info);

        LoadResult r = load();
        if (r.mainFileMissing()) return stopped(EXIT_NO_CONFIG);
        if (r.missingParameter()) return EXIT_CONFIG;
        if (cannotRun(r)) {
            return stopped(r.worst() == ConfigError.FILE_NOT_FOUND ? EXIT_NO_CONFIG : EXIT_CONFIG);
        }
        if (opts.has(Opt.DUMP_CONF)) ConfigDump.lines(r.config()).forEach(log::info);

        boolean madePidDir = opts.usePidDir() && makePidDir();
        List<Path> watched = new ArrayList<>(List.of(opts.pidFile()));
        if (opts.runVrrp()) watched.add(opts.vrrpPidFile());
        if (opts.runCheckers()) watched.add(opts.checkersPidFile());
        if (PidFile.anyRunning(watched, PidFile::isAlive, log::info)) {
            log.info("daemon is already running");
            return EXIT_OK;
        }
        // keepalived writes a child's pid file only when that child runs: it has configuration, or --all
        boolean vrrp = opts.runVrrp() && (opts.has(Opt.ALL) || hasVrrpConfig(r.config()));
        boolean checkers = opts.runCheckers() && (opts.has(Opt.ALL) || hasCheckerConfig(r.config()));
        pidFiles.add(opts.pidFile());
        if (vrrp) pidFiles.add(opts.vrrpPidFile());
        if (checkers) pidFiles.add(opts.checkersPidFile());
        for (Path f : pidFiles) {
            try {
                PidFile.write(f, pid);
            } catch (IOException e) {
                log.info("pidfile_write : Cannot open {} pidfile", f);
                removePidFiles();
                return stopped(EXIT_OK);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::removePidFiles, "pid-files"));

        SignalEvents signals = new SignalEvents();
        signals.install(opts.has(Opt.IGNORE_SIGINT));
        runtime.start(r.config(), RuntimeFlags.of(opts));
        if (!vrrp && !checkers) log.info("Warning - keepalived has no configuration to run");
        loop(signals);
        log.info("Stopping");
        runtime.stop();
        removePidFiles();
        if (madePidDir) removePidDir();
        return stopped(EXIT_OK);
    }

    private void loop(SignalEvents signals) {
        while (true) {
            SignalEvents.Kind k;
            try {
                k = signals.next(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (k == null) continue;
            switch (k) {
                case STOP -> {
                    return;
                }
                case RELOAD -> reload();
                case DATA -> dump("keepalived.data", runtime.data());
                case STATS -> dump("keepalived.stats", runtime.stats());
                case STATS_CLEAR -> dump("keepalived.stats", runtime.clearStats());
                case JSON -> {
                    String json = runtime.json();
                    if (json != null) dump("keepalived.json", json);
                }
            }
        }
    }

    /** SIGHUP: re-read; a configuration keepalived could not run leaves the running one in place. */
    private void reload() {
        // the parent's line; the VRRP side says "Reloading" when it starts over
        log.info("Reloading ...");
        LoadResult r = load();
        if (r.mainFileMissing() || r.missingParameter() || cannotRun(r)) {
            log.info("Configuration errors - keeping the running configuration");
            return;
        }
        if (opts.has(Opt.DUMP_CONF)) ConfigDump.lines(r.config()).forEach(log::info);
        runtime.reload(r.config());
    }

    /** Loads the configuration, logging "Configuration file …" before its messages, as keepalived does. */
    private LoadResult load() {
        List<Diagnostic> seen = new ArrayList<>();
        LoadResult r = ConfigLoader.load(ConfigTest.loadOptions(opts), seen::add);
        if (!r.mainFileMissing()) log.info("Configuration file {}", opts.configFile());
        for (Diagnostic d : seen) log.info(d.format());
        return r;
    }

    /** keepalived writes these to a temporary file and renames it, so readers never see half a dump. */
    private void dump(String name, String text) {
        Path target = tmpDir.resolve(name);
        try {
            Path tmp = Files.createTempFile(tmpDir, name, ".tmp");
            Files.writeString(tmp, text);
            applyUmask(tmp);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.info("Can't open {} ({})", target, e.getMessage());
        }
    }

    private int stopped(int code) {
        if (opts.logDetail() > 0) {
            log.info(cpuUsage());
        }
        log.info("Stopped {}", VersionText.VERSION_STRING);
        return code;
    }

    /** keepalived's -D stop line, from /proc/self/stat's utime, stime, cutime, cstime (USER_HZ = 100). */
    static String cpuUsage() {
        long[] t = new long[4];
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            for (int i = 0; i < 4; i++) t[i] = Long.parseLong(f[11 + i]);
        } catch (IOException | RuntimeException e) {
            // leave zeros: the line is informational
        }
        return String.format("CPU usage (self/children) user: %s/%s system: %s/%s",
                ticks(t[0]), ticks(t[2]), ticks(t[1]), ticks(t[3]));
    }

    private static String ticks(long t) {
        return String.format("%d.%06d", t / 100, (t % 100) * 10_000);
    }

    /**
     * {@code -u}: the JVM cannot change its umask, so files the daemon creates get 0666 less the mask
     * explicitly (pid files keep keepalived's fixed 0644).
     */
    private void applyUmask(Path f) {
        if (opts.umask() == null) return;
        int mode = 0666 & ~opts.umask();
        var perms = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
        var all = java.nio.file.attribute.PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) perms.add(all[i]);
        }
        try {
            Files.setPosixFilePermissions(f, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // keep the mode the file was created with
        }
    }

    /**
     * Whether keepalived would stop on this configuration. The worst class is not enough: a warning
     * outranks a bad interface, yet keepalived's VRRP process exits on "Non-existent interface specified
     * in configuration" (CONFIG_BAD_IF) and on fatal errors whatever else was reported (measured: exit 2).
     */
    static boolean cannotRun(LoadResult r) {
        if (r.worst().cannotRun()) return true;
        for (Diagnostic d : r.diagnostics()) {
            if (d.kind() == ConfigError.BAD_IF || d.kind() == ConfigError.FATAL) return true;
        }
        return false;
    }

    /** keepalived's have_vrrp_config: any VRRP block or static address, route or rule. */
    static boolean hasVrrpConfig(KeepalivedConfig c) {
        VrrpConfig v = c == null ? null : c.vrrp();
        if (v == null) return false;
        return !(v.instances().isEmpty() && v.syncGroups().isEmpty() && v.scripts().isEmpty()
                && v.trackFiles().isEmpty() && v.trackProcesses().isEmpty() && v.trackGroups().isEmpty()
                && v.staticAddresses().isEmpty() && v.staticRoutes().isEmpty() && v.staticRules().isEmpty()
                && v.garpGroups().isEmpty());
    }

    /** keepalived's have_checker_config: a virtual server or a group of them. */
    static boolean hasCheckerConfig(KeepalivedConfig c) {
        LvsConfig l = c == null ? null : c.lvs();
        return l != null && !(l.virtualServers().isEmpty() && l.groups().isEmpty());
    }

    /** keepalived's create_pid_dir: /run/keepalived, mode 0755, for a daemon in a network namespace. */
    private boolean makePidDir() {
        Path d = Path.of(Options.PID_DIR);
        if (Files.isDirectory(d)) return true;
        try {
            Files.createDirectories(d);
            Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            log.info("Unable to create directory {}", d);
            return false;
        }
    }

    private static void removePidDir() {
        try {
            Files.deleteIfExists(Path.of(Options.PID_DIR));
        } catch (IOException e) {
            // not empty or busy: another daemon's files are there, as keepalived leaves it too
        }
    }

    /** Removes only files that still name this process (another daemon may have taken them over). */
    private synchronized void removePidFiles() {
        for (Path f : pidFiles) {
            if (PidFile.read(f) == pid) PidFile.remove(f);
        }
    }
}
