package io.jkeepalived.harness;

import java.nio.file.Path;
import java.time.Duration;

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

    @Override
    public void close() {
        stop();
    }
}
