package io.jkeepalived.notify.smtp;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The file descriptor number of a socket this process just opened, for keepalived's
 * "smtp fd N returned write error" line: the JDK does not show a channel's descriptor, so /proc/self/fd is
 * read before and after the socket is made, and of the descriptors that are new (or point elsewhere: the
 * listing's own descriptor may be reused) only stream sockets are kept (the VRRP side opens raw, packet and
 * netlink sockets at the same time). -1 when /proc cannot tell.
 */
final class SocketFds {
    private static final Path FDS = Path.of("/proc/self/fd");
    private static final int SO_TYPE = 3;
    private static final int SOCK_STREAM = 1;
    private static final int SOL_SOCKET = 1;

    private SocketFds() {}

    /** Each open descriptor and what it points to. */
    static Map<Integer, String> snapshot() {
        Map<Integer, String> fds = new HashMap<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(FDS)) {
            for (Path p : d) {
                try {
                    fds.put(Integer.parseInt(p.getFileName().toString()), Files.readSymbolicLink(p).toString());
                } catch (NumberFormatException | IOException e) {
                    // not a descriptor, or closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: the number stays unknown
        }
        return fds;
    }

    /** The newest stream socket among the descriptors that are new since {@code before}, or -1. */
    static int newSocket(Map<Integer, String> before) {
        if (before.isEmpty()) return -1;
        int found = -1;
        for (Map.Entry<Integer, String> e : snapshot().entrySet()) {
            int fd = e.getKey();
            if (e.getValue().equals(before.get(fd)) || !e.getValue().startsWith("socket:")) continue;
            // the JDK's first socket may come with one of its own: ours is made last, and with descriptors
            // handed out lowest first it is the highest of the new ones
            if (isStream(fd)) found = Math.max(found, fd);
        }
        return found;
    }

    /**
     * getsockopt(SO_TYPE) is SOCK_STREAM. A descriptor that cannot be asked was closed meanwhile (a
     * short-lived socket of another thread), so it is not ours; without FFM the file list decides alone.
     */
    private static boolean isStream(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 4);
            if (io.jkeepalived.net.ffm.Libc.getsockopt(fd, SOL_SOCKET, SO_TYPE, value, len) != 0) return false;
            return value.get(ValueLayout.JAVA_INT, 0) == SOCK_STREAM;
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }
}
