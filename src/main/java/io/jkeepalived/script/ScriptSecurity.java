package io.jkeepalived.script;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * keepalived's script checks at start-up (lib/notify.c check_script_secure, check_security, find_path): a bare
 * program name is looked up in PATH; the path is resolved to its real file; the file must be executable by
 * the user the script runs as; and when that user is root (or the file is set-uid/gid root), every directory
 * on its path and the file itself must be owned by root and not writable by a non-root group or by others
 * (a directory with the sticky bit excepted). With enable_script_security an unsafe script is not run;
 * without it keepalived only warns. Debian's keepalived 2.2.7 is built without libmagic, so every file found
 * is started with execve() (no "Please add a #! shebang" check).
 */
public final class ScriptSecurity {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_ISUID = 04000;
    private static final int S_ISGID = 02000;
    private static final int S_ISVTX = 01000;
    private static final int S_IWGRP = 020;
    private static final int S_IWOTH = 02;
    private static final int S_IXUSR = 0100;
    private static final int S_IXGRP = 010;
    private static final int S_IXOTH = 01;

    private final boolean securityEnabled;
    private final String path;

    /**
     * @param securityEnabled enable_script_security
     * @param path            the PATH searched for bare names (keepalived: its environment's, else "/bin:/usr/bin")
     */
    public ScriptSecurity(boolean securityEnabled, String path) {
        this.securityEnabled = securityEnabled;
        this.path = path == null ? "/bin:/usr/bin" : path;
    }

    /** With this process's PATH. */
    public ScriptSecurity(boolean securityEnabled) {
        this(securityEnabled, System.getenv("PATH"));
    }

    /**
     * keepalived's "SECURITY VIOLATION" summary once all of a process's scripts are checked ({@code what} is
     * "scripts", "check scripts" or "start/shutdown scripts"), or null when there is nothing to say.
     */
    public static String violation(String what, Set<ScriptFlag> union, boolean securityEnabled) {
        if (securityEnabled || !union.contains(ScriptFlag.IS_SCRIPT)) return null;
        return "SECURITY VIOLATION - " + what + " are being executed but script_security not enabled."
                + (union.contains(ScriptFlag.INSECURE) ? " There are insecure scripts." : "");
    }

    /** Checks one script run as {@code as}. */
    public ScriptCheck check(List<String> argv, RunAs as) {
        List<String> log = new ArrayList<>();
        List<String> args = new ArrayList<>(argv);
        String prog = args.getFirst();
        if (prog.startsWith("<")) {
            int i = 1;
            while (i < prog.length() && (prog.charAt(i) == ' ' || prog.charAt(i) == '\t')) i++;
            if (i < prog.length() && prog.charAt(i) == '/') return new ScriptCheck(EnumSet.of(ScriptFlag.SYSTEM), args, log);
        }
        if (prog.indexOf('/') < 0) {
            String found = findInPath(prog, as, log);
            if (found == null) return new ScriptCheck(EnumSet.of(ScriptFlag.NOT_FOUND), args, log);
            args.set(0, found);
            prog = found;
        }
        Path real;
        try {
            real = Path.of(prog).toRealPath();
        } catch (IOException e) {
            log.add("Script " + prog + " cannot be accessed - " + strerror(e));
            return new ScriptCheck(EnumSet.of(ScriptFlag.NOT_FOUND), args, log);
        }
        String newPath = real.toString();
        String realFile = null;
        if (!prog.equals(newPath)) {
            String origName = prog.substring(prog.lastIndexOf('/') + 1);
            String realName = newPath.substring(newPath.lastIndexOf('/') + 1);
            if (!origName.equals(realName)) {
                // keep the name it was called by (some programs behave by their name) if that is the same file
                String named = newPath.substring(0, newPath.lastIndexOf('/') + 1) + origName;
                if (sameFile(named, newPath)) {
                    realFile = newPath;
                    newPath = named;
                }
            }
            if (!prog.equals(newPath)) {
                args.set(0, newPath);
                prog = newPath;
            }
        }
        Map<String, Object> st = stat(realFile != null ? realFile : prog, true);
        if (st == null) {
            log.add("Unable to access script `" + prog + "` - disabling");
            return new ScriptCheck(EnumSet.of(ScriptFlag.NOT_FOUND), args, log);
        }
        EnumSet<ScriptFlag> flags = EnumSet.of(ScriptFlag.IS_SCRIPT);
        int mode = (Integer) st.get("mode");
        int fuid = (Integer) st.get("uid");
        int fgid = (Integer) st.get("gid");
        boolean protect = false;
        if (executable(mode, fuid, fgid, as)) {
            flags.add(ScriptFlag.EXECUTABLE);
            protect = as.uid() == 0 || as.gid() == 0
                    || (fuid == 0 && (mode & S_IXUSR) != 0 && (mode & S_ISUID) != 0)
                    || (fgid == 0 && (mode & S_IXGRP) != 0 && (mode & S_ISGID) != 0);
        } else {
            log.add("WARNING - script '" + prog + "' is not executable for uid:gid " + as.uid() + ":" + as.gid()
                    + " - disabling.");
        }
        flags.add(ScriptFlag.EXECABLE);
        if (protect) {
            flags.addAll(pathSecurity(prog, log));
            if (realFile != null) flags.addAll(pathSecurity(realFile, log));
        }
        return new ScriptCheck(flags, args, log);
    }

    /** check_security: each directory from "/" down, then the file itself (not following a last link). */
    Set<ScriptFlag> pathSecurity(String filename, List<String> log) {
        int from = 0;
        while (true) {
            int slash = filename.indexOf('/', from);
            boolean last = slash < 0;
            String part = last ? filename : filename.substring(0, slash == 0 ? 1 : slash);
            Map<String, Object> st = stat(part, false);
            if (st == null) {
                log.add("check_script_secure could not find script '" + filename + "' - disabling");
                return EnumSet.of(ScriptFlag.NOT_FOUND);
            }
            int mode = (Integer) st.get("mode");
            int type = mode & S_IFMT;
            if ((!last && type != S_IFDIR) || (last && type != S_IFREG && type != S_IFLNK)) {
                log.add("Wrong file type found in script path '" + filename + "'.");
                return EnumSet.of(ScriptFlag.INHIBIT);
            }
            int uid = (Integer) st.get("uid");
            int gid = (Integer) st.get("gid");
            boolean checkWrite = (type == S_IFDIR && (mode & S_ISVTX) == 0) || type == S_IFREG;
            if (uid != 0 || (checkWrite && ((gid != 0 && (mode & S_IWGRP) != 0) || (mode & S_IWOTH) != 0))) {
                log.add("Unsafe permissions found for script '" + filename + "'"
                        + (securityEnabled ? " - disabling" : "") + ".");
                return securityEnabled ? EnumSet.of(ScriptFlag.INSECURE, ScriptFlag.INHIBIT)
                        : EnumSet.of(ScriptFlag.INSECURE);
            }
            if (last) return EnumSet.noneOf(ScriptFlag.class);
            from = slash + 1;
        }
    }

    /** is_executable: root needs any x bit; the owner the user bit; else the group or other bit. */
    static boolean executable(int mode, int fuid, int fgid, RunAs as) {
        if (as.uid() == 0 && (mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0) return true;
        if (as.uid() == fuid) return (mode & S_IXUSR) != 0;
        return as.gid() == fgid ? (mode & S_IXGRP) != 0 : (mode & S_IXOTH) != 0;
    }

    /** find_path: the first regular file in PATH executable by {@code as}. */
    private String findInPath(String file, RunAs as, List<String> log) {
        boolean denied = false;
        for (String dir : path.split(":", -1)) {
            String candidate = dir.isEmpty() ? file : dir + "/" + file;
            Map<String, Object> st = stat(candidate, true);
            if (st == null) continue;
            int mode = (Integer) st.get("mode");
            if ((mode & S_IFMT) != S_IFREG || !executable(mode, (Integer) st.get("uid"), (Integer) st.get("gid"), as)) {
                denied = true;
                continue;
            }
            log.add("WARNING - script `" + file + "` resolved by path search to `" + candidate
                    + "`. Please specify full path.");
            return candidate;
        }
        log.add(denied ? "Permissions failure for script " + file + " in path - disabling"
                : "Cannot find script " + file + " in path - disabling");
        return null;
    }

    private static boolean sameFile(String a, String b) {
        try {
            return Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Object> stat(String file, boolean follow) {
        try {
            return follow ? Files.readAttributes(Path.of(file), "unix:mode,uid,gid")
                    : Files.readAttributes(Path.of(file), "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return String.valueOf(e.getMessage());
    }
}
