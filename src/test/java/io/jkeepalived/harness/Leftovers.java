package io.jkeepalived.harness;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the harness made in this JVM and has not removed yet. A shutdown hook removes what is left
 * when the run is stopped (Ctrl-C, SIGTERM) before teardown ran; bin/test removes what a SIGKILLed run left.
 */
final class Leftovers {
    private static final Set<Long> PROCESS_GROUPS = ConcurrentHashMap.newKeySet();
    private static final Set<String> NAMESPACES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Leftovers::removeAll, "netlab-leftovers"));
    }

    private Leftovers() {}

    static void process(long pgid) {
        PROCESS_GROUPS.add(pgid);
    }

    static void processGone(long pgid) {
        PROCESS_GROUPS.remove(pgid);
    }

    static void namespace(String name) {
        NAMESPACES.add(name);
    }

    static void namespaceGone(String name) {
        NAMESPACES.remove(name);
    }

    private static void removeAll() {
        for (long g : List.copyOf(PROCESS_GROUPS)) {
            // only a group that the child really leads: never our own
            if (ProcStat.pgrp(g).orElse(-1) == g) {
                Shell.run(List.of("kill", "-s", "KILL", "--", "-" + g), Duration.ofSeconds(5));
            }
        }
        for (String ns : List.copyOf(NAMESPACES)) {
            Netns.remove(ns);
        }
    }
}
