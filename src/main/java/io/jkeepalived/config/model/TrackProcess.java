package io.jkeepalived.config.model;

import java.util.List;

/**
 * A vrrp_track_process block: the process is "up" while quorum ≤ number running ≤ quorum_max.
 *
 * @param name            the block's name
 * @param process         the process name or path
 * @param params          arguments to match, or empty
 * @param paramMatch      how arguments are matched
 * @param weight          weight for trackers, -254..254 (0 = fault when down)
 * @param reverse         {@code weight W reverse}
 * @param quorum          minimum number of processes (default 1)
 * @param quorumMax       maximum number (default unlimited: {@code 0xFFFFFFFF})
 * @param delayMicros     {@code delay}: debounce for both directions
 * @param terminateMicros {@code terminate_delay}
 * @param forkMicros      {@code fork_delay}
 * @param fullCommand     match against the whole command line
 */
public record TrackProcess(String name, String process, List<String> params, ParamMatch paramMatch, int weight,
                           boolean reverse, long quorum, long quorumMax, long delayMicros, long terminateMicros,
                           long forkMicros, boolean fullCommand) {
    public enum ParamMatch { EXACT, INITIAL, PARTIAL }

    public TrackProcess {
        params = List.copyOf(params);
    }
}
