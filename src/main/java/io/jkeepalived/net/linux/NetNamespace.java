package io.jkeepalived.net.linux;

import io.jkeepalived.net.ffm.Libc;
import io.jkeepalived.net.ffm.Sock;

/**
 * Moves the calling thread into a network namespace (setns(2) with CLONE_NEWNET). Only that thread
 * moves (lab-facts): sockets it opens afterwards belong to the namespace for their whole life, whichever
 * thread later uses them. Meant for a dedicated platform thread; a virtual thread's carrier would move.
 */
public final class NetNamespace {
    private NetNamespace() {
    }

    /** Enters {@code /run/netns/NAME} (as made by {@code ip netns add}) or an absolute path to an ns file. */
    public static void enter(String nameOrPath) {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("setns from a virtual thread would move its carrier");
        }
        String path = nameOrPath.startsWith("/") ? nameOrPath : "/run/netns/" + nameOrPath;
        int fd = Libc.check("open(" + path + ")", Libc.open(path, Sock.O_RDONLY | Sock.O_CLOEXEC));
        try {
            Libc.check("setns(" + path + ", CLONE_NEWNET)", Libc.setns(fd, Sock.CLONE_NEWNET));
        } finally {
            Libc.close(fd);
        }
    }
}
