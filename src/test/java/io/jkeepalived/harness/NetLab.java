package io.jkeepalived.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The network lab of an integration test: namespaces {@code jkt-<testJvmPid>-<n>}, LANs (a bridge in a
 * "switch" namespace), processes started in them, and a directory for their files. Everything it made is
 * removed after each test (instance field) or after the class ({@code static} field), even when the test
 * failed; a shutdown hook covers a run stopped midway, and bin/test the namespaces of a SIGKILLed run.
 *
 * <pre>{@code
 * @RegisterExtension final NetLab lab = new NetLab();
 * List<Netns> hosts = lab.hostsOnLan(2);        // eth0 with 10.99.1.1/24, fd00:99::1:1/64, …
 * Daemon k = lab.keepalived(hosts.get(0), lab.writeFile("k.conf", conf));
 * k.waitForLine("Entering MASTER STATE", Duration.ofSeconds(10));
 * }</pre>
 * It is also usable without JUnit, in try-with-resources.
 */
public final class NetLab implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {
    /** Namespace names carry this JVM's pid so that a later cleanup can tell leftovers of dead runs. */
    public static final String PREFIX = "jkt-" + ProcessHandle.current().pid() + "-";
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static final AtomicInteger DIRS = new AtomicInteger();

    private final List<Netns> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<LabProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger lans = new AtomicInteger();
    private final AtomicInteger daemons = new AtomicInteger();
    private volatile boolean classScope;
    private volatile String scopeName = "adhoc";
    private volatile Path dir;

    /** For {@code @RegisterExtension}: directories are named after the test. */
    public NetLab() {}

    /** For use without JUnit (try-with-resources); {@code name} names the lab's directory. */
    public NetLab(String name) {
        this.scopeName = name;
    }

    /** The project directory (system property {@code jkeepalived.home}, set by the Maven build). */
    public static Path home() {
        return Path.of(System.getProperty("jkeepalived.home", System.getProperty("user.dir"))).toAbsolutePath();
    }

    // --- JUnit lifecycle -----------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        classScope = true; // only called for a static field: keep everything until the class is done
        scopeName = context.getRequiredTestClass().getSimpleName();
        requireRoot();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!classScope) {
            scopeName = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            dir = null;
            requireRoot();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classScope) teardown();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        teardown();
    }

    private static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("integration tests need root (network namespaces); run bin/test as root,"
                    + " or exclude them with -DexcludedGroups=integration");
        }
    }

    // --- building ------------------------------------------------------------------------------------

    /** A new empty namespace: {@code lo} up, IPv6 DAD off. */
    public Netns namespace() {
        return namespace(null);
    }

    /** A new empty namespace; {@code label} only names it in messages. */
    public Netns namespace(String label) {
        Netns ns = Netns.create(this, PREFIX + NAMESPACES.incrementAndGet(), label);
        namespaces.add(ns);
        return ns;
    }

    /** A new LAN (bridge {@code br0} in its own switch namespace), numbered 1, 2, … in this lab. */
    public Lan lan() {
        int index = lans.incrementAndGet();
        return new Lan(namespace("switch" + index), index);
    }

    /** {@code n} hosts on one new LAN, each with {@code eth0} carrying {@link Lan#ipv4(int)} and {@link Lan#ipv6(int)}. */
    public List<Netns> hostsOnLan(int n) {
        return hostsOn(lan(), n);
    }

    public List<Netns> hostsOn(Lan lan, int n) {
        List<Netns> hosts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Netns h = namespace("host" + i);
            lan.connect(h, "eth0");
            h.addAddress("eth0", lan.ipv4(i));
            h.addAddress("eth0", lan.ipv6(i));
            hosts.add(h);
        }
        return hosts;
    }

    // --- files ---------------------------------------------------------------------------------------

    /** This test's directory under target/netlab (kept after the run for post-mortems). */
    public Path dir() {
        Path d = dir;
        if (d == null) {
            synchronized (this) {
                if (dir == null) {
                    Path base = home().resolve("target").resolve("netlab");
                    dir = base.resolve(scopeName + "-" + ProcessHandle.current().pid() + "-" + DIRS.incrementAndGet());
                    try {
                        Files.createDirectories(dir);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                d = dir;
            }
        }
        return d;
    }

    public Path writeFile(String name, String content) {
        try {
            Path p = dir().resolve(name);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- processes -----------------------------------------------------------------------------------

    /** Starts {@code command} inside {@code ns} under setsid; stopped at teardown if still running. */
    public LabProcess start(Netns ns, String processName, List<String> command) {
        LabProcess p = LabProcess.start(processName, ns.prefix(), command, dir());
        processes.add(p);
        return p;
    }

    /** Debian's keepalived 2.2.7 in the foreground, logging to the console, with its own pid files. */
    public Daemon keepalived(Netns ns, Path config, String... extraArgs) {
        return daemon(ns, "keepalived", List.of("keepalived"), config, extraArgs);
    }

    /** jkeepalived ({@code <jkeepalived.home>/bin/jkeepalived}) with the same command line as {@link #keepalived}. */
    public Daemon jkeepalived(Netns ns, Path config, String... extraArgs) {
        return daemon(ns, "jkeepalived", List.of(home().resolve("bin/jkeepalived").toString()), config, extraArgs);
    }

    private Daemon daemon(Netns ns, String kind, List<String> program, Path config, String... extraArgs) {
        String name = kind + "-" + daemons.incrementAndGet();
        Path d = dir();
        Path pid = d.resolve(name + ".pid");
        Path vrrp = d.resolve(name + "_vrrp.pid");
        Path check = d.resolve(name + "_check.pid");
        List<String> cmd = new ArrayList<>(program);
        cmd.addAll(List.of("-n", "-l", "-D", "-f", config.toString(),
                "-p", pid.toString(), "-r", vrrp.toString(), "-c", check.toString()));
        cmd.addAll(List.of(extraArgs));
        return new Daemon(start(ns, name, cmd), config, pid, vrrp, check);
    }

    /**
     * tcpdump on {@code dev} in {@code ns}, writing to a pcap file in this test's directory; waits until it listens.
     * Immediate mode: without it libpcap hands packets over in blocks up to a second late, so a file read
     * just after an event would miss it.
     */
    public Capture capture(Netns ns, String dev, String... filter) {
        Packages.require("tcpdump", "tcpdump");
        Path pcap = dir().resolve(ns.name() + "-" + dev + "-" + DIRS.incrementAndGet() + ".pcap");
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", dev, "--immediate-mode", "-U", "-n", "-Z", "root",
                "-w", pcap.toString()));
        cmd.addAll(List.of(filter));
        LabProcess p = start(ns, "tcpdump-" + ns.name() + "-" + dev, cmd);
        p.waitForLine("listening on", java.time.Duration.ofSeconds(15));
        return new Capture(pcap, p);
    }

    // --- teardown ------------------------------------------------------------------------------------

    /** Names of the namespaces this lab made and has not removed yet. */
    public List<String> namespaceNames() {
        synchronized (namespaces) {
            return namespaces.stream().map(Netns::name).toList();
        }
    }

    /** Kills every process (whole groups) and deletes every namespace this lab made. Safe to call twice. */
    public void teardown() {
        List<LabProcess> ps;
        synchronized (processes) {
            ps = new ArrayList<>(processes);
            processes.clear();
        }
        RuntimeException first = null;
        for (LabProcess p : ps.reversed()) {
            try {
                p.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        List<Netns> ns;
        synchronized (namespaces) {
            ns = new ArrayList<>(namespaces);
            namespaces.clear();
        }
        for (Netns n : ns.reversed()) {
            try {
                Netns.remove(n.name());
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    @Override
    public void close() {
        teardown();
    }
}
