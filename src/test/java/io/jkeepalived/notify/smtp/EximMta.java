package io.jkeepalived.notify.smtp;

import io.jkeepalived.harness.LabProcess;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Packages;
import io.jkeepalived.harness.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's Exim (exim4-daemon-light) as a real mail server for integration tests: run in the foreground in a
 * namespace on 127.0.0.1 and a given port, with its configuration, spool and logs in a directory of its own,
 * delivering every recipient into one mbox file. Services do not start on install here, so the test starts it.
 */
final class EximMta implements AutoCloseable {
    private static final String USER = "Debian-exim";

    private final Path dir;
    private final LabProcess process;

    private EximMta(Path dir, LabProcess process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts Exim in {@code ns} on 127.0.0.1:{@code port} and waits until it listens. */
    static EximMta start(Netns ns, int port) {
        Packages.require("exim4", "exim4-daemon-light");
        try {
            // under /tmp: Exim's own user must reach the spool and the mailbox, and /work is not its to read
            Path dir = Files.createTempDirectory("jkt-mta-");
            Files.createDirectories(dir.resolve("spool"));
            Files.createDirectories(dir.resolve("log"));
            Shell.run("chown", "-R", USER + ":" + USER, dir.resolve("spool").toString(), dir.resolve("log").toString())
                    .orThrow();
            Shell.run("chmod", "0777", dir.toString()).orThrow();
            Path conf = Files.writeString(dir.resolve("exim.conf"), config(dir, port));
            LabProcess p = ns.start("exim-" + ns.name(), "/usr/sbin/exim4", "-C", conf.toString(), "-bdf", "-v");
            p.waitForLine("daemon started", Duration.ofSeconds(30));
            return new EximMta(dir, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String config(Path dir, int port) {
        return """
                primary_hostname = mta.jkt.test
                spool_directory = %1$s/spool
                log_file_path = %1$s/log/%%slog
                exim_user = %3$s
                exim_group = %3$s
                never_users = root
                local_interfaces = 127.0.0.1
                daemon_smtp_ports = %2$d
                host_lookup =
                rfc1413_hosts =
                acl_smtp_rcpt = acl_rcpt
                begin acl
                acl_rcpt:
                  accept
                begin routers
                everyone:
                  driver = accept
                  transport = mbox
                begin transports
                mbox:
                  driver = appendfile
                  file = %1$s/mbox
                  user = %3$s
                  group = %3$s
                  mode = 0666
                """.formatted(dir, port, USER);
    }

    /** The mailbox as delivered so far (empty before the first mail). */
    String mailbox() {
        try {
            Path m = dir.resolve("mbox");
            return Files.exists(m) ? Files.readString(m) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Exim's main log, for failure messages. */
    String mainLog() {
        try {
            Path m = dir.resolve("log/mainlog");
            return Files.exists(m) ? Files.readString(m) : "";
        } catch (IOException e) {
            return "";
        }
    }

    LabProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover under /tmp is harmless
        }
    }
}
