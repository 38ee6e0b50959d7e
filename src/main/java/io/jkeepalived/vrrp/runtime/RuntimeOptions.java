package io.jkeepalived.vrrp.runtime;

/**
 * The command-line choices the VRRP runtime acts on (the daemon translates its flags into these).
 *
 * @param releaseVips      keepalived's default at stop: priority-0 advert and VIPs removed; false under {@code -V}
 * @param logDetail        {@code -D}: keepalived's detail log lines
 * @param niceValue        global_defs vrrp_priority (-20..19, 0: unchanged) for the loop and receiver threads
 * @param realtimePriority global_defs vrrp_rt_priority (1..99, SCHED_RR; 0: none) for those threads
 */
public record RuntimeOptions(boolean releaseVips, boolean logDetail, int niceValue, int realtimePriority) {
    public RuntimeOptions(boolean releaseVips, boolean logDetail) {
        this(releaseVips, logDetail, 0, 0);
    }
}
