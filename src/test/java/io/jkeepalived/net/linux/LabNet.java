package io.jkeepalived.net.linux;

import io.jkeepalived.harness.Lan;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
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
import java.util.function.BooleanSupplier;

/**
 * The shared {@link NetLab} seen from the net tests: {@code nodes} hosts on one LAN (eth0 with 10.99.L.N/24 and
 * fd00:99::L:N/64), and for each host a platform thread that has entered its namespace by setns(2) through
 * {@link NetNamespace}, so the sockets it opens live there ({@link #inNode}). {@link #close()} stops the
 * threads and removes everything, even after a failure.
 */
final class LabNet implements AutoCloseable {
    private final NetLab lab = new NetLab("net");
    private final Lan lan;
    private final List<Netns> hosts;
    private final List<ExecutorService> threads = new ArrayList<>();

    private LabNet(int nodes) {
        try {
            lan = lab.lan();
            hosts = lab.hostsOn(lan, nodes);
            for (Netns host : hosts) {
                ExecutorService thread = Executors.newSingleThreadExecutor(
                        r -> Thread.ofPlatform().daemon().name("lab-" + host.name()).unstarted(r));
                threads.add(thread);
                get(thread.submit(() -> {
                    NetNamespace.enter(host.name());
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
        return hosts.get(i - 1).name();
    }

    /** Node {@code i}'s IPv4 address on eth0, without prefix. */
    String ipv4(int i) {
        return lan.ipv4(i).replaceAll("/.*", "");
    }

    /** Node {@code i}'s IPv6 address on eth0, without prefix. */
    String ipv6(int i) {
        return lan.ipv6(i).replaceAll("/.*", "");
    }

    /** An IPv4 address on the LAN's /24 that no node has (host part {@code host}). */
    String spareIpv4(int host) {
        return "10.99." + lan.index() + "." + host;
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
        lab.close();
    }
}
