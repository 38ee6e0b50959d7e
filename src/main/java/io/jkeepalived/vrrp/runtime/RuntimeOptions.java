package io.jkeepalived.vrrp.runtime;

/**
 * The command-line choices the VRRP runtime acts on (the daemon translates its flags into these).
 *
 * @param releaseVips keepalived's default at stop: priority-0 advert and VIPs removed; false under {@code -V}
 * @param logDetail   {@code -D}: keepalived's detail log lines
 */
public record RuntimeOptions(boolean releaseVips, boolean logDetail) {
}
