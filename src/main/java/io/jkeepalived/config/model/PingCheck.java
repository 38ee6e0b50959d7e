package io.jkeepalived.config.model;

/** PING_CHECK: up on an ICMP/ICMPv6 echo reply. */
public record PingCheck(ConnectOptions connection, CheckTiming timing, int line) implements Checker {
    @Override
    public String keyword() {
        return "PING_CHECK";
    }
}
