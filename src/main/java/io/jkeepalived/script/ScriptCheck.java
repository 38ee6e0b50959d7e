package io.jkeepalived.script;

import java.util.List;
import java.util.Set;

/**
 * The outcome of {@link ScriptSecurity#check}: the flags and the argv to run (the program's path resolved
 * by a PATH search or realpath, as keepalived rewrites it), plus keepalived's log lines for it, in order.
 */
public record ScriptCheck(Set<ScriptFlag> flags, List<String> argv, List<String> messages) {
    public ScriptCheck {
        flags = flags.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(flags);
        argv = List.copyOf(argv);
        messages = List.copyOf(messages);
    }

    public boolean has(ScriptFlag flag) {
        return flags.contains(flag);
    }

    /** A notify script is dropped when inhibited, not found or not executable (check_notify_script_secure). */
    public boolean runnableAsNotify() {
        return !has(ScriptFlag.INHIBIT) && !has(ScriptFlag.NOT_FOUND) && has(ScriptFlag.EXECUTABLE);
    }

    /**
     * A track script (vrrp_script, MISC_CHECK) is disabled when inhibited or not found, or when it is neither
     * executable nor a {@code </file} test (vrrp.c check_track_script_secure).
     */
    public boolean runnableAsTrack() {
        return !has(ScriptFlag.INHIBIT) && !has(ScriptFlag.NOT_FOUND)
                && (has(ScriptFlag.EXECUTABLE) || has(ScriptFlag.SYSTEM));
    }

    /**
     * The argv to start: the resolved one when it can be exec'd, else {@code /bin/sh -c} with keepalived's
     * cmd_str (each word in single quotes, except a first word starting with '<' or '>').
     */
    public List<String> argvToRun() {
        if (has(ScriptFlag.EXECABLE)) return argv;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            if (i > 0) sb.append(' ');
            boolean quote = i > 0 || (!w.startsWith("<") && !w.startsWith(">"));
            if (quote) sb.append('\'');
            sb.append(w);
            if (quote) sb.append('\'');
        }
        return List.of("/bin/sh", "-c", sb.toString());
    }
}
