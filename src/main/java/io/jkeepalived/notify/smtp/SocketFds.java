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
 * of /proc/self/fd are compared before and after the socket is made. -1 when that is not conclusive.
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
            if (found >= 0) return -1;
            found = fd;
        }
        return found;
    }
}
