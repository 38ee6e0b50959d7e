package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * keepalived's check_script_secure (lib/notify.c) as far as the configuration check needs it: whether a
 * script's program is found, is executable, and whether its path could be changed by someone else than
 * root (an owner other than root, or group/world write without the sticky bit on a directory).
 */
final class ScriptFiles {
    private ScriptFiles() {}

    static final int NOTFOUND = 1;
    static final int EXECUTABLE = 2;
    static final int SYSTEM = 4;
    static final int INSECURE = 8;
    static final int ISSCRIPT = 16;

    static int check(Script s) {
        if (s == null || s.argv().isEmpty()) return 0;
        String cmd = s.argv().getFirst();
        // "</dev/tcp/..." only tests that a file opens: nothing is executed
        if (cmd.startsWith("<") && cmd.substring(1).stripLeading().startsWith("/")) return SYSTEM;
        Path p = cmd.contains("/") ? Path.of(cmd) : onPath(cmd);
        if (p == null) return NOTFOUND;
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException | SecurityException e) {
            return NOTFOUND;
        }
        int flags = 0;
        if (insecure(real)) flags |= INSECURE;
        if (Files.isRegularFile(real) && Files.isExecutable(real)) flags |= EXECUTABLE | ISSCRIPT;
        return flags;
    }

    private static Path onPath(String cmd) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String d : path.split(":")) {
            Path f = Path.of(d.isEmpty() ? "." : d, cmd);
            if (Files.isRegularFile(f) && Files.isExecutable(f)) return f;
        }
        return null;
    }

    /** check_security: every component from / down to the file itself. */
    private static boolean insecure(Path real) {
        Path cur = real.getRoot();
        if (cur == null) return false;
        if (unsafe(cur)) return true;
        for (Path part : real) {
            cur = cur.resolve(part);
            if (unsafe(cur)) return true;
        }
        return false;
    }

    private static boolean unsafe(Path p) {
        try {
            int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            boolean reg = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            if (uid != 0) return true;
            boolean checkWrite = (dir && (mode & 01000) == 0) || reg;
            return checkWrite && ((gid != 0 && (mode & 020) != 0) || (mode & 02) != 0);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
