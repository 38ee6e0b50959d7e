package io.jkeepalived.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who a script runs as (lib/notify.c set_uid_gid, get_default_script_user): the script's own user [group]
 * if the config names one; else global_defs script_user [group]; else {@code keepalived_script} if that user
 * exists; else the daemon's own user. A user without a group runs with the user's primary group. The config
 * reader has already dropped scripts whose user does not resolve; names are read from /etc/passwd and
 * /etc/group (keepalived's getpwnam_r on a files-only system).
 */
public final class ScriptIdentity {
    /** keepalived's default script user when global_defs has no script_user. */
    public static final String DEFAULT_USER = "keepalived_script";

    private final Map<String, RunAs> users;
    private final Map<String, Integer> groups;
    private final RunAs self;

    ScriptIdentity(List<String> passwd, List<String> group, RunAs self) {
        this.users = new HashMap<>();
        for (String l : passwd) {
            String[] f = l.split(":", -1);
            if (f.length >= 4 && !users.containsKey(f[0])) {
                try {
                    users.put(f[0], new RunAs(Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                } catch (NumberFormatException ignored) {
                    // a malformed line names nobody
                }
            }
        }
        this.groups = new HashMap<>();
        for (String l : group) {
            String[] f = l.split(":", -1);
            if (f.length >= 3 && !groups.containsKey(f[0])) {
                try {
                    groups.put(f[0], Integer.parseInt(f[2]));
                } catch (NumberFormatException ignored) {
                    // as above
                }
            }
        }
        this.self = self;
    }

    /** The system's accounts and this process's identity. */
    public static ScriptIdentity system() {
        return new ScriptIdentity(lines(Path.of("/etc/passwd")), lines(Path.of("/etc/group")), self());
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** This process's effective uid and gid (/proc/self/status). */
    public static RunAs self() {
        int uid = 0;
        int gid = 0;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("Uid:")) uid = Integer.parseInt(l.split("\\s+")[2]);
                else if (l.startsWith("Gid:")) gid = Integer.parseInt(l.split("\\s+")[2]);
            }
        } catch (IOException | RuntimeException e) {
            // keep root: the daemon runs as root
        }
        return new RunAs(uid, gid);
    }

    /** user [group] by name; empty when either does not exist. */
    public Optional<RunAs> lookup(String user, String group) {
        RunAs u = users.get(user);
        if (u == null) return Optional.empty();
        if (group == null) return Optional.of(u);
        Integer g = groups.get(group);
        return g == null ? Optional.empty() : Optional.of(new RunAs(u.uid(), g));
    }

    /**
     * The identity for a script: its own user [group], else script_user [group], else keepalived_script,
     * else the daemon's own.
     */
    public RunAs resolve(String scriptUser, String scriptGroup, String globalUser, String globalGroup) {
        if (scriptUser != null) return lookup(scriptUser, scriptGroup).orElse(self);
        if (globalUser != null) return lookup(globalUser, globalGroup).orElse(self);
        return lookup(DEFAULT_USER, null).orElse(self);
    }

    /** The daemon's own identity. */
    public RunAs daemon() {
        return self;
    }
}
