package io.jkeepalived.vrrp.track;

import io.jkeepalived.config.model.TrackProcess;
import java.nio.charset.StandardCharsets;

/**
 * Whether a running process is one a vrrp_track_process counts (track_process.c read_procs, check_params):
 * by default its name (/proc/PID/stat's comm, 15 characters at most) equals {@code process}; with
 * {@code full_command} or arguments, the command line's first word does, and the arguments that follow are
 * compared byte for byte, each ended by its NUL: exactly ({@code param_match} default), as a leading list
 * ({@code partial}), or with the last one as a prefix ({@code initial}).
 */
public final class ProcessMatch {
    private final byte[] name;
    private final byte[] params;
    private final TrackProcess.ParamMatch match;
    private final boolean fullCommand;

    public ProcessMatch(TrackProcess p) {
        this.name = p.process().getBytes(StandardCharsets.UTF_8);
        this.fullCommand = p.fullCommand() || !p.params().isEmpty();
        this.match = p.params().isEmpty() ? null : p.paramMatch();
        StringBuilder sb = new StringBuilder();
        for (String s : p.params()) sb.append(s).append('\0');
        this.params = sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the match needs /proc/PID/cmdline (otherwise comm is enough). */
    public boolean needsCommandLine() {
        return fullCommand;
    }

    /**
     * @param comm    the process name from /proc/PID/stat (null when not read)
     * @param cmdline /proc/PID/cmdline's bytes (null when not read)
     */
    public boolean matches(String comm, byte[] cmdline, int cmdlineLength) {
        if (!fullCommand) return comm != null && comm.equals(new String(name, StandardCharsets.UTF_8));
        if (cmdline == null) return false;
        int end = 0;
        while (end < cmdlineLength && cmdline[end] != 0) end++;
        if (end != name.length) return false;
        for (int i = 0; i < end; i++) if (cmdline[i] != name[i]) return false;
        if (match == null) return true;
        int start = Math.min(end + 1, cmdlineLength);
        int len = cmdlineLength - start;
        if (len < params.length) return false;
        return switch (match) {
            case EXACT -> len == params.length && same(cmdline, start, params.length);
            case PARTIAL -> same(cmdline, start, params.length);
            case INITIAL -> params.length == 1 || same(cmdline, start, params.length - 1);
        };
    }

    private boolean same(byte[] buf, int start, int n) {
        for (int i = 0; i < n; i++) if (buf[start + i] != params[i]) return false;
        return true;
    }
}
