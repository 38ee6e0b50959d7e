package io.jkeepalived.notify.smtp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The file descriptor number of a socket this process just opened, for keepalived's
 * "smtp fd N returned write error" line: the JDK does not show a channel's descriptor, so the descriptors
 * of /proc/self/fd are compared before and after the socket is made, and of the new ones only stream
 * sockets kept (the VRRP side opens raw, packet and netlink sockets at the same time). -1 when that is not
 * conclusive.
 */
final class SocketFds {
    private static final Path FDS = Path.of("/proc/self/fd");

    private SocketFds() {}

    static Set<Integer> snapshot() {
        Set<Integer> fds = new HashSet<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(FDS)) {
            for (Path p : d) {
                try {
                    fds.add(Integer.parseInt(p.getFileName().toString()));
                } catch (NumberFormatException e) {
                    // not a descriptor entry
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: the number stays unknown
        }
        return fds;
    }

    /** getsockopt(SO_TYPE) is SOCK_STREAM; true when it cannot be asked (the file list decides alone). */
    private static boolean isStream(int fd) {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment value = arena.allocate(java.lang.foreign.ValueLayout.JAVA_INT);
            java.lang.foreign.MemorySegment len = arena.allocate(java.lang.foreign.ValueLayout.JAVA_INT);
            len.set(java.lang.foreign.ValueLayout.JAVA_INT, 0, 4);
            if (io.jkeepalived.net.ffm.Libc.getsockopt(fd, io.jkeepalived.net.ffm.Sock.SOL_SOCKET, SO_TYPE, value, len) != 0) {
                return true;
            }
            return value.get(java.lang.foreign.ValueLayout.JAVA_INT, 0) == SOCK_STREAM;
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    private static final int SO_TYPE = 3;
    private static final int SOCK_STREAM = 1;

    /** The one socket among the descriptors that are new since {@code before}, or -1. */
    static int newSocket(Set<Integer> before) {
        if (before.isEmpty()) return -1;
        int found = -1;
        for (int fd : snapshot()) {
            if (before.contains(fd)) continue;
            try {
                if (!Files.readSymbolicLink(FDS.resolve(Integer.toString(fd))).toString().startsWith("socket:")) continue;
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (!isStream(fd)) continue;
            if (found >= 0) return -1;
            found = fd;
        }
        return found;
    }
}
