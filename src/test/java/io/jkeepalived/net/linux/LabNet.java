package io.jkeepalived.net.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A small lab for the net integration tests: one namespace holding a bridge and {@code nodes} namespaces,
 * each with an {@code eth0} on that bridge, addressed 10.99.0.N/24 and fd00:99::N/64 (N = 1, 2, ...).
 * Namespaces are named {@code jkt-<pid>-<n>} and are all removed by {@link #close()}, even after a failure.
 * Each node has its own platform thread that has entered the node's namespace ({@link #inNode}).
 */
final class LabNet implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final List<String> namespaces = new ArrayList<>();
    private final List<ExecutorService> threads = new ArrayList<>();
    final String bridgeNs;

    private LabNet(int nodes) {
        bridgeNs = newNamespace();
        try {
            sh("ip", "-n", bridgeNs, "link", "add", "br0", "type", "bridge");
            sh("ip", "-n", bridgeNs, "link", "set", "br0", "up");
            for (int i = 1; i <= nodes; i++) {
                String ns = newNamespace();
                sysctl(ns, "net.ipv6.conf.all.accept_dad=0");
                sysctl(ns, "net.ipv6.conf.default.accept_dad=0");
                sh("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "p" + i,
                        "netns", bridgeNs);
                sh("ip", "-n", bridgeNs, "link", "set", "p" + i, "master", "br0", "up");
                sh("ip", "-n", ns, "addr", "add", "10.99.0." + i + "/24", "dev", "eth0");
                sh("ip", "-n", ns, "addr", "add", "fd00:99::" + i + "/64", "dev", "eth0", "nodad");
                sh("ip", "-n", ns, "link", "set", "lo", "up");
                sh("ip", "-n", ns, "link", "set", "eth0", "up");
                ExecutorService thread = Executors.newSingleThreadExecutor(
                        r -> Thread.ofPlatform().daemon().name("lab-" + ns).unstarted(r));
                threads.add(thread);
                get(thread.submit(() -> {
                    NetNamespace.enter(ns);
                    return null;
                }));
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    static LabNet withNodes(int nodes) {
        return new LabNet(nodes);
    }

    /** The namespace name of node {@code i} (1-based). */
    String node(int i) {
        return namespaces.get(i);
    }

    /** Makes one more namespace owned by this lab, removed by {@link #close()}. */
    String newNamespace() {
        String name = "jkt-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        sh("ip", "netns", "add", name);
        namespaces.add(name);
        return name;
    }

    /** Runs {@code task} on node {@code i}'s thread, inside its namespace, and waits for the result. */
    <T> T inNode(int i, Callable<T> task) {
        return get(threads.get(i - 1).submit(task));
    }

    /** Starts {@code task} on node {@code i}'s thread without waiting. */
    <T> Future<T> startInNode(int i, Callable<T> task) {
        return threads.get(i - 1).submit(task);
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sysctl(String ns, String setting) {
        sh("ip", "netns", "exec", ns, "sysctl", "-q", "-w", setting);
    }

    /** Runs a command, returning stdout; a non-zero exit is a test failure. */
    static String sh(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until it holds or {@code limit} passes. */
    static boolean waitFor(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        for (ExecutorService thread : threads) {
            thread.shutdownNow();
        }
        for (String ns : namespaces.reversed()) {
            try {
                sh("ip", "netns", "del", ns);
            } catch (RuntimeException e) {
                // keep removing the others; bin/test removes leftovers of dead test JVMs
            }
        }
    }
}
