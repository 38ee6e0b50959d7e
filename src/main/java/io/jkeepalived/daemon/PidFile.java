package io.jkeepalived.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * keepalived's pid files (keepalived/core/pidfile.c): "PID\n", mode 0644, never through a symlink;
 * a file naming a live process means "daemon is already running"; a file naming a dead one is removed.
 */
public final class PidFile {
    private PidFile() {}

    /** What a pid file says about a running daemon. */
    public enum State { ABSENT, STALE_REMOVED, RUNNING, UNREADABLE_REMOVED }

    /**
     * keepalived's process_running: a missing file → not running; an unreadable number → the file is
     * removed but the daemon counts as running ("we don't know"); a dead pid → the file is removed.
     *
     * @param alive whether a pid names a live process (kill(pid, 0))
     * @param log   receives keepalived's messages
     */
    public static State check(Path file, LongPredicate alive, Consumer<String> log) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return State.ABSENT;
        }
        long pid = leadingNumber(text);
        if (pid <= 0) {
            log.accept("Error reading pid file " + file);
            remove(file);
            return State.UNREADABLE_REMOVED;
        }
        if (!alive.test(pid)) {
            log.accept("Remove a zombie pid file " + file);
            remove(file);
            return State.STALE_REMOVED;
        }
        return State.RUNNING;
    }

    /** True when any of the files says a daemon is running (keepalived_running). */
    public static boolean anyRunning(Iterable<Path> files, LongPredicate alive, Consumer<String> log) {
        for (Path f : files) {
            State s = check(f, alive, log);
            if (s == State.RUNNING || s == State.UNREADABLE_REMOVED) return true;
        }
        return false;
    }

    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** fscanf("%d"): optional blanks, an optional sign, digits. 0 when there is no number. */
    static long leadingNumber(String text) {
        String s = text.stripLeading();
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 10) i++;
        if (i == start) return 0;
        try {
            return Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Writes "PID\n" with mode 0644 less the umask, not following a symlink (keepalived opens with
     * O_NOFOLLOW and keeps owner read-write, group and other read whatever -u says).
     */
    public static void write(Path file, long pid) throws IOException {
        Files.writeString(file, pid + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        try {
            Files.setPosixFilePermissions(file, mode);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: keep whatever mode it gave
        }
    }

    /** Reads the pid a file holds, or 0. */
    public static long read(Path file) {
        try {
            return leadingNumber(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return 0;
        }
    }

    public static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // unlink(2) failing is not reported by keepalived either
        }
    }
}
