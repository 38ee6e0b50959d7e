package io.jkeepalived.config.model;

/**
 * A vrrp_script block (keepalived.conf(5)): a program run every {@code interval}; its exit status moves
 * the trackers' state after {@code rise} successes or {@code fall} failures.
 *
 * @param name           the block's name
 * @param script         the program, or null when missing (keepalived then drops the block)
 * @param intervalMicros run period (default 1 s)
 * @param timeoutMicros  run time limit (default: the interval)
 * @param weight         default weight for trackers, -253..253 (0 = fault on failure)
 * @param reverse        {@code weight W reverse}
 * @param rise           consecutive successes to become OK
 * @param fall           consecutive failures to become KO
 * @param initFail       start in the failed state
 */
public record VrrpScript(String name, Script script, long intervalMicros, long timeoutMicros, int weight,
                         boolean reverse, int rise, int fall, boolean initFail) {}
