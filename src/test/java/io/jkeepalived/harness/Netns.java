package io.jkeepalived.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A network namespace the lab made ({@code jkt-<pid>-<n>}). Commands run in it through
 * {@code ip netns exec}; nothing here ever touches the host's own interfaces.
 */
public final class Netns {
    private final NetLab lab;
    private final String name;
    private final String label;

    Netns(NetLab lab, String name, String label) {
        this.lab = lab;
        this.name = name;
        this.label = label;
    }

    /** Makes the namespace with {@code lo} up and IPv6 duplicate address detection off (lab-facts). */
    static Netns create(NetLab lab, String name, String label) {
        Leftovers.namespace(name);
        Shell.run("ip", "netns", "add", name).orThrow();
        Netns ns = new Netns(lab, name, label);
        ns.run("ip", "link", "set", "lo", "up");
        ns.run("sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
        return ns;
    }

    /** Kills whatever still runs inside the namespace, then deletes it; quiet when it is already gone. */
    static void remove(String name) {
        CommandResult pids = Shell.run(List.of("ip", "netns", "pids", name), Duration.ofSeconds(10));
        if (pids.ok()) {
            for (String pid : pids.stdout().trim().split("\\s+")) {
                if (!pid.isEmpty()) Shell.run(List.of("kill", "-s", "KILL", pid), Duration.ofSeconds(5));
            }
        }
        Shell.run(List.of("ip", "netns", "del", name), Duration.ofSeconds(10));
        Leftovers.namespaceGone(name);
    }

    public String name() { return name; }
    public String label() { return label; }
    public NetLab lab() { return lab; }

    /** The words that put a command inside this namespace. */
    public List<String> prefix() {
        return List.of("ip", "netns", "exec", name);
    }

    public CommandResult exec(String... command) {
        return exec(Shell.DEFAULT_TIMEOUT, List.of(command));
    }

    public CommandResult exec(Duration timeout, List<String> command) {
        List<String> full = new ArrayList<>(prefix());
        full.addAll(command);
        return Shell.run(full, timeout);
    }

    /** Runs a command that must succeed (set-up steps); throws with its output otherwise. */
    public CommandResult run(String... command) {
        return exec(command).orThrow();
    }

    /** A veth pair with both ends here and up: an interface a config can name, with no peer host behind it. */
    public void vethPair(String dev, String peer) {
        run("ip", "link", "add", dev, "type", "veth", "peer", "name", peer);
        up(dev);
        up(peer);
    }

    public void up(String dev) {
        run("ip", "link", "set", dev, "up");
    }

    public void down(String dev) {
        run("ip", "link", "set", dev, "down");
    }

    /** Adds {@code cidr} to {@code dev}; IPv6 addresses get {@code nodad} so they are usable at once. */
    public void addAddress(String dev, String cidr) {
        if (cidr.contains(":")) run("ip", "-6", "addr", "add", cidr, "dev", dev, "nodad");
        else run("ip", "addr", "add", cidr, "dev", dev);
    }

    public List<Address> addresses() {
        return Address.parse(run("ip", "-o", "addr", "show").stdout());
    }

    public List<Address> addresses(String dev) {
        return Address.parse(run("ip", "-o", "addr", "show", "dev", dev).stdout());
    }

    /** True when {@code dev} carries {@code ip} (with or without its prefix). */
    public boolean hasAddress(String dev, String ip) {
        String bare = ip.contains("/") ? ip.substring(0, ip.indexOf('/')) : ip;
        return addresses(dev).stream().anyMatch(a -> a.ip().equals(bare));
    }

    /** Starts a long-running program here under setsid; its output goes to the lab's directory. */
    public LabProcess start(String processName, String... command) {
        return lab.start(this, processName, List.of(command));
    }

    /** Captures packets on {@code dev} into a pcap file until {@link Capture#stop()}. */
    public Capture capture(String dev, String... filter) {
        return lab.capture(this, dev, filter);
    }

    public Path dir() {
        return lab.dir();
    }

    @Override
    public String toString() {
        return label == null ? name : label + "(" + name + ")";
    }
}
