package io.jkeepalived.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * keepalived or jkeepalived running in the foreground ({@code -n -l -D}) with its own pid files
 * ({@code -p}, {@code -r}, {@code -c}) so that several can run at once (lab-facts).
 */
public record Daemon(LabProcess process, Path config, Path pidFile, Path vrrpPidFile, Path checkPidFile)
        implements AutoCloseable {

    public String waitForLine(String contains, Duration timeout) {
        return process.waitForLine(contains, timeout);
    }

    /** The pid written to {@code -p}, when the file exists and holds one. */
    public OptionalLong pid() {
        return read(pidFile);
    }

    /** The VRRP child's pid ({@code -r}); signalling it is a hard kill of VRRP for keepalived (lab-facts). */
    public OptionalLong vrrpPid() {
        return read(vrrpPidFile);
    }

    public OptionalLong checkPid() {
        return read(checkPidFile);
    }

    /** SIGKILL to the whole process group: no goodbye advert. */
    public void kill() {
        process.kill();
    }

    /** SIGTERM and wait: a graceful stop (priority-0 advert), hard kill after {@code grace}. */
    public int stop(Duration grace) {
        return process.stop(grace);
    }

    private static OptionalLong read(Path file) {
        try {
            String s = Files.readString(file).trim();
            return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
