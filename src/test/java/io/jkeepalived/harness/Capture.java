package io.jkeepalived.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A tcpdump writing one interface's packets to a pcap file; {@link #stop()} flushes and closes it. */
public record Capture(Path pcap, LabProcess tcpdump) implements AutoCloseable {

    /** Ends the capture (SIGINT, as at a terminal, so the file is complete) and answers the file. */
    public Path stop() {
        if (tcpdump.isAlive()) {
            tcpdump.signal("INT");
            tcpdump.waitFor("tcpdump to exit", Duration.ofSeconds(10), () -> !tcpdump.isAlive());
        }
        tcpdump.close();
        return pcap;
    }

    /** The packets captured so far as tcpdump prints them ({@code -nn -v}; one packet may span lines). */
    public List<String> packets(String... readOptions) {
        List<String> cmd = new java.util.ArrayList<>(List.of("tcpdump", "-nn", "-r", pcap.toString()));
        cmd.addAll(List.of(readOptions));
        return Shell.run(cmd, Duration.ofSeconds(30)).stdout().lines().toList();
    }

    @Override
    public void close() {
        stop();
    }
}
